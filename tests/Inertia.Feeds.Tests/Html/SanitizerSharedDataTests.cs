using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Inertia.Feeds.Html;

namespace Inertia.Feeds.Tests.Html;

/// <summary>The sanitizer on real feeds: the seed feed's articles and the HTML fields of every well-formed XML feed in the corpus.</summary>
public sealed class SanitizerSharedDataTests
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    private static readonly string[] HtmlFields = ["description", "encoded", "content", "summary"];

    [SharedDataFact]
    public void Every_seed_article_is_safe_in_a_browser_and_stable()
    {
        var articles = SeedArticles();

        Assert.Equal(20, articles.Count);
        foreach (var (html, link) in articles)
        {
            DomOracle.AssertSafeAndStable(html, FeedHtmlSanitizer.Sanitize(html, link), link);
        }
    }

    [SharedDataFact]
    public void Seed_figures_keep_their_images_with_lazy_loading()
    {
        var (html, link) = SeedArticles()[0];

        var output = FeedHtmlSanitizer.Sanitize(html, link);

        Assert.Contains(
            "<figure>\n          <img src=\"https://cf-assets.www.cloudflare.com/zkvhlag99gkb/73kpNxOQIlM0UOnty9qGXS/53fe1b92e299b52363ac1870df52f2e9/BLOG-3252_2.png\" loading=\"lazy\" decoding=\"async\">\n          </figure>",
            output,
            StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void Seed_heading_anchors_resolve_against_the_article()
    {
        var (html, link) = SeedArticles()[0];

        var output = FeedHtmlSanitizer.Sanitize(html, link);

        Assert.Contains(
            "<h2>Remote MCP servers provide better visibility and control</h2>\n      <a href=\"https://blog.cloudflare.com/enterprise-mcp/#remote-mcp-servers-provide-better-visibility-and-control\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">",
            output,
            StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void Seed_code_blocks_keep_their_line_breaks()
    {
        var (html, link) = SeedArticles()[0];

        var output = FeedHtmlSanitizer.Sanitize(html, link);

        Assert.Contains(
            "<pre><code>// portal_codemode_search\nasync () =&gt; {\n const tools = await codemode.tools();\n return tools\n  .filter(t =&gt; t.name.includes(\"jira\") || t.name.includes(\"drive\"))\n",
            output,
            StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void Seed_code_that_shows_html_stays_text()
    {
        var output = string.Concat(SeedArticles().Select(a => FeedHtmlSanitizer.Sanitize(a.Html, a.Link)));

        Assert.Contains("<code>&lt;img src=\"./logo.png\" /&gt;</code>", output, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void Seed_articles_keep_every_structural_element_a_browser_sees()
    {
        var parser = new HtmlParser();
        string[] kept = ["p", "a", "img", "figure", "pre", "code", "h2", "h3", "h4", "ul", "ol", "li", "table", "tr", "td", "th", "blockquote", "b", "i", "u", "sup", "sub"];
        foreach (var (html, link) in SeedArticles())
        {
            var before = parser.ParseDocument(html);
            var after = parser.ParseDocument(FeedHtmlSanitizer.Sanitize(html, link));
            foreach (var element in kept)
            {
                Assert.True(
                    before.QuerySelectorAll(element).Length == after.QuerySelectorAll(element).Length,
                    $"{link}: <{element}> count {before.QuerySelectorAll(element).Length} became {after.QuerySelectorAll(element).Length}");
            }
            Assert.Equal(before.Body!.TextContent, after.Body!.TextContent);
        }
    }

    [SharedDataFact]
    public void Html_fields_of_every_well_formed_corpus_feed_are_safe_and_stable()
    {
        var checkedFields = 0;
        var failures = new List<string>();
        foreach (var path in Directory.EnumerateFiles(SharedData.CorpusFolder).Order(StringComparer.Ordinal))
        {
            var document = TryLoad(path);
            if (document is null)
            {
                continue;
            }
            foreach (var field in document.Descendants().Where(e => HtmlFields.Contains(e.Name.LocalName)))
            {
                var html = field.HasElements ? string.Concat(field.Nodes()) : field.Value;
                var output = FeedHtmlSanitizer.Sanitize(html, new Uri("https://example.com/feed/"));
                checkedFields++;
                var violations = DomOracle.Violations(output);
                if (violations.Count > 0)
                {
                    failures.Add($"{Path.GetFileName(path)}: {string.Join("; ", violations)}");
                }
                else if (FeedHtmlSanitizer.Sanitize(output, new Uri("https://example.com/feed/")) != output)
                {
                    failures.Add($"{Path.GetFileName(path)}: not idempotent on <{field.Name.LocalName}>");
                }
            }
        }

        Assert.True(checkedFields > 5000, $"only {checkedFields} fields found");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static List<(string Html, Uri Link)> SeedArticles() =>
        [.. XDocument.Load(SharedData.SeedFeed).Descendants("item")
            .Select(item => ((string)item.Element(Content + "encoded")!, new Uri((string)item.Element("link")!)))];

    private static XDocument? TryLoad(string path)
    {
        try
        {
            return XDocument.Load(path);
        }
        catch (Exception e) when (e is System.Xml.XmlException or ArgumentException or NotSupportedException or System.Text.DecoderFallbackException)
        {
            return null;
        }
    }
}
