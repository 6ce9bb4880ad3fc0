using System.Text.RegularExpressions;
using Inertia.Web;
using Microsoft.Extensions.FileProviders;

namespace Inertia.Tests.Web;

/// <summary>The embedded style sheet as browsers read it.</summary>
public sealed partial class StyleSheetTests
{
    [Fact]
    public void Every_block_of_the_style_sheet_is_closed_where_it_belongs()
    {
        // An unclosed @media block once swallowed every rule after it, which then applied on narrow screens only.
        var files = new ManifestEmbeddedFileProvider(typeof(WebApp).Assembly, "Web/Assets");
        using var reader = new StreamReader(files.GetFileInfo("app.css").CreateReadStream());
        var css = Comments().Replace(reader.ReadToEnd(), "");
        var depth = 0;
        var line = 1;
        foreach (var c in css)
        {
            line += c == '\n' ? 1 : 0;
            depth += c switch { '{' => 1, '}' => -1, _ => 0 };
            Assert.True(depth >= 0, $"a “}}” closes nothing on line {line}");
            // Blocks nest two deep at most here (an @media around rules); a third level is a block left open.
            Assert.True(depth <= 2, $"a block is left open before line {line}");
        }
        Assert.Equal(0, depth);
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
