using System.Text;
using Inertia.Feeds.Html;

namespace Inertia.Feeds.Tests.Html;

/// <summary>
/// Seeded random tag soup and random mutations of the hostile vectors: whatever the input, the sanitizer must not
/// throw, its output must pass the browser-side oracle, and sanitizing that output again must change nothing.
/// </summary>
public sealed class SanitizerFuzzTests
{
    private const int Seed = 20240601;
    private const int InputsPerKind = 2000;

    private static readonly Uri Base = new("https://example.com/posts/1/");

    private static readonly string[] Tags =
    [
        "a", "p", "div", "span", "img", "iframe", "script", "style", "svg", "math", "mglyph", "mtext", "table", "tbody",
        "tr", "td", "th", "caption", "col", "title", "textarea", "noscript", "xmp", "noembed", "plaintext", "select",
        "option", "form", "button", "input", "template", "object", "embed", "li", "ul", "ol", "dl", "dt", "dd", "pre",
        "code", "video", "audio", "source", "track", "picture", "b", "i", "br", "hr", "h1", "h2", "head", "body", "html",
        "base", "meta", "link", "o:p", "x-widget", "foreignObject", "desc", "image", "ruby", "rt", "rp", "details",
        "summary", "figure", "figcaption", "blockquote", "q", "SCRIPT", "ScRiPt", "IMG",
    ];

    private static readonly string[] Attributes =
    [
        "src", "href", "onerror", "onload", "OnClick", "style", "class", "id", "title", "srcset", "poster", "cite",
        "srcdoc", "lang", "dir", "width", "height", "sandbox", "rel", "target", "xlink:href", "formaction", "data",
        "allowfullscreen", "controls", "start", "type", "value", "colspan", "alt", "/", "\"", "'", "=", "<", "on",
    ];

    private static readonly string[] Values =
    [
        "javascript:alert(1)", "jav&#x09;ascript:alert(1)", "JAVASCRIPT:alert(1)", "&#106;avascript:alert(1)",
        " javascript:alert(1)", "java\0script:alert(1)", "javascript&colon;alert(1)", "vbscript:x", "//evil.example/x",
        "https://www.youtube.com/embed/x", "http://player.vimeo.com/video/1", "https://evil.example/embed/",
        "data:image/png;base64,AAAA", "data:image/svg+xml;base64,PHN2Zz4=", "data:text/html,<script>alert(1)</script>",
        "x", "/a.png", "#frag", "mailto:a@example.org", "https://example.org/a.png 2x, javascript:alert(1) 3x",
        "text-align:center", "background:url(javascript:alert(1))", "width:expression(alert(1))", "language-js x",
        "\"><img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "&quot;&gt;&lt;svg onload=alert(1)&gt;",
        "ltr", "123", "", "&amp;", "&", "文字", "a\tb\nc",
    ];

    private static readonly string[] Fragments =
    [
        "<", ">", "</", "/>", "<!--", "-->", "--!>", "<!", "<?", "]]>", "<![CDATA[", "\"", "'", "=", "&", "&amp;",
        "&lt;", "&#", "&#x", ";", " ", "\n", "\t", "\0", "\f", "\r\n", "text", "文字", "`", "&copy", "&nbsp;", "<!-->",
        "</script>", "</style>", "</title>", "</noscript>", "</textarea>", "</iframe>", "</svg>", "</math>", "</p>",
        "</table>", "<svg>", "<math>", "<table>", "onerror=alert(1)", "javascript:", "\u00A0", "\uFEFF", "\uD800",
    ];

    [Fact]
    public void Random_tag_soup_never_throws_and_always_passes_the_oracle()
    {
        var random = new Random(Seed);
        var failures = new List<string>();
        for (var i = 0; i < InputsPerKind; i++)
        {
            Check(TagSoup(random), i % 2 == 0 ? Base : null, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }

    [Fact]
    public void Mutated_hostile_vectors_never_throw_and_always_pass_the_oracle()
    {
        var random = new Random(Seed + 1);
        var failures = new List<string>();
        for (var i = 0; i < InputsPerKind; i++)
        {
            Check(Mutate(random), i % 2 == 0 ? Base : null, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }

    private static void Check(string input, Uri? baseUri, List<string> failures)
    {
        try
        {
            var output = FeedHtmlSanitizer.Sanitize(input, baseUri);
            var violations = DomOracle.Violations(output);
            if (violations.Count > 0)
            {
                failures.Add($"Input:  {Escape(input)}\nOutput: {Escape(output)}\n{string.Join("\n", violations)}");
                return;
            }
            var again = FeedHtmlSanitizer.Sanitize(output, baseUri);
            if (again != output)
            {
                failures.Add($"Not idempotent.\nInput:  {Escape(input)}\nOnce:   {Escape(output)}\nTwice:  {Escape(again)}");
            }
            HtmlText.ToPlainText(input);
            HtmlText.Snippet(input, 1 + (input.Length % 40));
        }
        catch (Exception e)
        {
            failures.Add($"Input: {Escape(input)}\nThrew: {e}");
        }
    }

    private static string TagSoup(Random random)
    {
        var html = new StringBuilder();
        var tokens = random.Next(1, 30);
        for (var t = 0; t < tokens; t++)
        {
            switch (random.Next(6))
            {
                case 0 or 1:
                    html.Append('<').Append(Pick(random, Tags));
                    var attributes = random.Next(4);
                    for (var a = 0; a < attributes; a++)
                    {
                        html.Append(Pick(random, [" ", "/", "\n", "\t", ""])).Append(Pick(random, Attributes));
                        AppendValue(random, html);
                    }
                    html.Append(Pick(random, [">", "/>", " >", "", ">"]));
                    break;
                case 2:
                    html.Append("</").Append(Pick(random, Tags)).Append(Pick(random, [">", " >", "", " x=\">\">"]));
                    break;
                case 3:
                    html.Append(Pick(random, ["text ", "a < b ", "x<3", "&copy 2024 ", "文字 ", "  \n  "]));
                    break;
                default:
                    html.Append(Pick(random, Fragments));
                    break;
            }
        }
        return html.ToString();
    }

    private static void AppendValue(Random random, StringBuilder html)
    {
        var value = Pick(random, Values);
        switch (random.Next(4))
        {
            case 0:
                html.Append("=\"").Append(value.Replace("\"", "&quot;", StringComparison.Ordinal)).Append('"');
                break;
            case 1:
                html.Append("='").Append(value).Append('\'');
                break;
            case 2:
                html.Append('=').Append(value);
                break;
        }
    }

    private static string Mutate(Random random)
    {
        var text = new StringBuilder(Pick(random, HostileVectors.All));
        var mutations = random.Next(1, 5);
        for (var m = 0; m < mutations; m++)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(5))
            {
                case 0 when text.Length > 0:
                    var length = random.Next(1, Math.Min(8, text.Length - Math.Min(at, text.Length - 1)) + 1);
                    text.Remove(Math.Min(at, text.Length - 1), Math.Min(length, text.Length - Math.Min(at, text.Length - 1)));
                    break;
                case 1:
                    text.Insert(at, Pick(random, Fragments));
                    break;
                case 2:
                    text.Insert(at, Pick(random, HostileVectors.All));
                    break;
                case 3 when at < text.Length:
                    text[at] = char.IsUpper(text[at]) ? char.ToLowerInvariant(text[at]) : char.ToUpperInvariant(text[at]);
                    break;
                default:
                    text.Insert(at, (char)random.Next(0, 128));
                    break;
            }
        }
        return text.ToString();
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static string Escape(string text) =>
        text.Replace("\0", "\\0", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
