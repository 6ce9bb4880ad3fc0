using System.Buffers;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Inertia.Feeds.Html;

namespace Inertia.Feeds.Tests.Html;

/// <summary>
/// Judges sanitizer output the way it will be used: parsed by a real HTML5 parser (AngleSharp, as a browser
/// would, in a body context), then checked element by element against the policy, independently of how the
/// sanitizer itself reads HTML.
/// </summary>
internal static class DomOracle
{
    private const string Sandbox = "allow-scripts allow-same-origin allow-popups allow-presentation";

    private static readonly HashSet<string> Global = ["title", "lang", "dir", "style"];

    private static readonly Dictionary<string, HashSet<string>> Allowed = BuildAllowList();

    private static readonly string[] DataImages =
        ["data:image/png;base64,", "data:image/gif;base64,", "data:image/jpeg;base64,", "data:image/webp;base64,", "data:image/avif;base64,"];

    private static readonly string[] StyleProperties =
        ["text-align", "font-weight", "font-style", "text-decoration", "vertical-align", "white-space", "list-style-type"];

    private static readonly SearchValues<char> StyleSyntax = SearchValues.Create("()\\/*@<>:!\"'`");

    private static readonly HtmlParser Parser = new();

    /// <summary>Returns the policy violations a browser would see in <paramref name="html"/>; empty when it is safe.</summary>
    public static List<string> Violations(string html)
    {
        var context = Parser.ParseDocument("").Body!;
        var nodes = Parser.ParseFragment(html, context);
        var violations = new List<string>();
        foreach (var node in nodes)
        {
            Visit(node, violations);
        }
        return violations;
    }

    /// <summary>Asserts that the output is safe for a browser and that sanitizing it again changes nothing.</summary>
    public static void AssertSafeAndStable(string input, string output, Uri? baseUri)
    {
        var violations = Violations(output);
        Assert.True(violations.Count == 0, $"Input:  {input}\nOutput: {output}\nViolations:\n  {string.Join("\n  ", violations)}");
        var again = FeedHtmlSanitizer.Sanitize(output, baseUri);
        Assert.True(again == output, $"Not idempotent.\nInput:  {input}\nOnce:   {output}\nTwice:  {again}");
    }

    private static void Visit(INode node, List<string> violations)
    {
        switch (node)
        {
            case IElement element:
                CheckElement(element, violations);
                break;
            case IComment comment:
                violations.Add($"comment <!--{comment.Data}-->");
                break;
        }
        foreach (var child in node.ChildNodes)
        {
            Visit(child, violations);
        }
    }

    private static void CheckElement(IElement element, List<string> violations)
    {
        var name = element.LocalName;
        if (element.NamespaceUri != "http://www.w3.org/1999/xhtml" || !Allowed.TryGetValue(name, out var attributes))
        {
            violations.Add($"element <{element.NamespaceUri}:{name}>");
            return;
        }
        foreach (var attribute in element.Attributes)
        {
            var attributeName = attribute.Name;
            if (attributeName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"event handler {attributeName} on <{name}>");
            }
            else if (!Global.Contains(attributeName) && !attributes.Contains(attributeName))
            {
                violations.Add($"attribute {attributeName} on <{name}>");
            }
            else
            {
                CheckValue(name, attributeName, attribute.Value, violations);
            }
        }
        switch (name)
        {
            case "a" when element.HasAttribute("href"):
                Expect(element, "rel", "noopener noreferrer nofollow", violations);
                Expect(element, "target", "_blank", violations);
                break;
            case "img":
                if (!element.HasAttribute("src"))
                {
                    violations.Add("img without src");
                }
                Expect(element, "loading", "lazy", violations);
                break;
            case "iframe":
                Expect(element, "sandbox", Sandbox, violations);
                CheckFrameSource(element.GetAttribute("src"), violations);
                break;
            case "video" or "audio":
                if (!element.HasAttribute("controls"))
                {
                    violations.Add($"<{name}> without controls");
                }
                break;
        }
    }

    private static void Expect(IElement element, string attribute, string value, List<string> violations)
    {
        if (element.GetAttribute(attribute) != value)
        {
            violations.Add($"<{element.LocalName}> {attribute}=\"{element.GetAttribute(attribute)}\" instead of \"{value}\"");
        }
    }

    private static void CheckValue(string element, string attribute, string value, List<string> violations)
    {
        switch (attribute)
        {
            case "href" or "src" or "poster" or "cite":
                if (!IsSafeUrl(value, mailto: element == "a" && attribute == "href", dataImage: element == "img" && attribute == "src"))
                {
                    violations.Add($"unsafe URL {attribute}=\"{value}\" on <{element}>");
                }
                break;
            case "srcset":
                foreach (var url in SrcsetUrls(value))
                {
                    if (!IsSafeUrl(url, mailto: false, dataImage: false))
                    {
                        violations.Add($"unsafe srcset candidate \"{url}\" on <{element}>");
                    }
                }
                break;
            case "style":
                CheckStyle(element, value, violations);
                break;
            case "class":
                foreach (var token in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!(token.StartsWith("language-", StringComparison.Ordinal) || token.StartsWith("lang-", StringComparison.Ordinal) || token.StartsWith("hljs", StringComparison.Ordinal)))
                    {
                        violations.Add($"class \"{token}\" on <{element}>");
                    }
                }
                break;
        }
    }

    /// <summary>The candidate URLs of a srcset as the HTML spec splits them: a URL is a run of non-whitespace, commas included, minus trailing commas.</summary>
    private static List<string> SrcsetUrls(string srcset)
    {
        var urls = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < srcset.Length && (char.IsWhiteSpace(srcset[i]) || srcset[i] == ','))
            {
                i++;
            }
            if (i == srcset.Length)
            {
                return urls;
            }
            var start = i;
            while (i < srcset.Length && !char.IsWhiteSpace(srcset[i]))
            {
                i++;
            }
            var url = srcset[start..i];
            if (url.EndsWith(','))
            {
                urls.Add(url.TrimEnd(','));
                continue;
            }
            urls.Add(url);
            while (i < srcset.Length && srcset[i] != ',')
            {
                i++;
            }
        }
    }

    /// <summary>The scheme as a browser's URL parser finds it: everything before the first ':' (no leading controls or spaces are left).</summary>
    private static bool IsSafeUrl(string value, bool mailto, bool dataImage)
    {
        if (value.Length == 0 || value[0] <= ' ' || value.AsSpan().ContainsAny('\t', '\n', '\r'))
        {
            return false;
        }
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon < 0 ? "" : value[..colon];
        if (scheme.Equals("https", StringComparison.OrdinalIgnoreCase) || scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (mailto && scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return dataImage && DataImages.Any(prefix => value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    private static void CheckStyle(string element, string value, List<string> violations)
    {
        foreach (var declaration in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = declaration.IndexOf(':', StringComparison.Ordinal);
            var property = colon < 0 ? declaration : declaration[..colon].Trim();
            var propertyValue = colon < 0 ? "" : declaration[(colon + 1)..];
            if (!StyleProperties.Contains(property) || propertyValue.AsSpan().ContainsAny(StyleSyntax))
            {
                violations.Add($"style \"{declaration}\" on <{element}>");
            }
        }
    }

    private static void CheckFrameSource(string? src, List<string> violations)
    {
        if (src is null || !Uri.TryCreate(src, UriKind.Absolute, out var uri) || uri.Scheme != "https"
            || !EmbedHosts.Allowed.Any(host => host.Host == uri.Host))
        {
            violations.Add($"iframe src \"{src}\" is not an allowed https player");
        }
    }

    private static Dictionary<string, HashSet<string>> BuildAllowList()
    {
        var table = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string elements, params string[] attributes)
        {
            foreach (var element in elements.Split(' '))
            {
                table[element] = [.. attributes];
            }
        }
        Add("h1 h2 h3 h4 h5 h6 p br hr div span kbd samp var em strong b i u s strike sub sup small big mark abbr cite dfn");
        Add("ul dl dt dd table caption thead tbody tfoot tr figure figcaption picture summary ruby rt rp bdi bdo wbr address");
        Add("article section aside header footer nav main");
        Add("blockquote q", "cite");
        Add("del ins", "cite", "datetime");
        Add("pre code", "class");
        Add("time", "datetime");
        Add("ol", "start", "reversed", "type");
        Add("li", "value");
        Add("th td", "colspan", "rowspan", "headers", "scope", "align");
        Add("colgroup col", "span");
        Add("source", "src", "srcset", "type", "media", "sizes");
        Add("img", "src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding");
        Add("video", "src", "poster", "width", "height", "controls", "loop", "muted", "playsinline", "preload");
        Add("audio", "src", "controls", "loop", "preload");
        Add("track", "src", "kind", "srclang", "label", "default");
        Add("a", "href", "rel", "target");
        Add("details", "open");
        Add("iframe", "src", "width", "height", "allowfullscreen", "sandbox", "loading", "referrerpolicy");
        return table;
    }
}
