using System.Text.Json;
using Inertia.Feeds.Tests;
using Inertia.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Inertia.Tests.Cli;

/// <summary><c>inertia parse</c>: its human summary, its exit codes and its JSON contract (docs/parse-json.md).</summary>
public sealed class ParseCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inertia-parse-").FullName;

    private const string SampleRss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"
             xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Sample &amp; Co</title>
            <link>https://example.com/</link>
            <atom:link rel="self" href="https://example.com/feed.xml"/>
            <description>Things</description>
            <language>zh-cn</language>
            <lastBuildDate>Tue, 14 Apr 2026 21:25:00 GMT</lastBuildDate>
            <managingEditor>ed@example.com (Ed Itor)</managingEditor>
            <image><url>/logo.png</url></image>
            <generator>Hand 1.0</generator>
            <copyright>© 2026 Sample</copyright>
            <category>Tech</category>
            <item>
              <title>第一篇</title>
              <link>/posts/1</link>
              <guid isPermaLink="false">p1</guid>
              <dc:creator>Ann</dc:creator>
              <dc:creator>Bob</dc:creator>
              <atom:author><atom:name>Cy</atom:name><atom:email>cy@example.com</atom:email><atom:uri>https://cy.example/</atom:uri></atom:author>
              <pubDate>Mon, 13 Apr 2026 08:00:00 GMT</pubDate>
              <atom:updated>2026-04-13T09:30:00Z</atom:updated>
              <category>News</category>
              <description>&lt;p onclick="evil()"&gt;Hello &lt;script&gt;alert(1)&lt;/script&gt;world&lt;/p&gt;</description>
              <content:encoded><![CDATA[<p>The whole <b>story</b></p>]]></content:encoded>
              <enclosure url="/a.mp3" type="audio/mpeg" length="123"/>
              <comments>https://example.com/posts/1#comments</comments>
            </item>
            <item><title>Broken & fine</title><guid>p2</guid></item>
          </channel>
        </rss>
        """;

    private const string SampleAtom = """
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Atom sample</title>
          <link href="https://atom.example/"/>
          <icon>/favicon.ico</icon>
          <logo>/logo.svg</logo>
          <author><name>Dee</name><email>dee@atom.example</email><uri>/about</uri></author>
          <entry><id>urn:a1</id><title>One</title><updated>2026-04-10T12:00:00Z</updated></entry>
        </feed>
        """;

    [Fact]
    public async Task Json_output_is_exactly_the_documented_contract()
    {
        var result = await InertiaProcess.RunAsync("parse", Write("sample.xml", SampleRss), "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(
            ["format", "title", "link", "feedUrl", "description", "language", "updated", "published", "authors", "image", "icon", "generator", "rights", "categories", "warnings", "entries"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("rss2.0", root.GetProperty("format").GetString());
        Assert.Equal("Sample & Co", root.GetProperty("title").GetString());
        Assert.Equal("https://example.com/", root.GetProperty("link").GetString());
        Assert.Equal("https://example.com/feed.xml", root.GetProperty("feedUrl").GetString());
        Assert.Equal("Things", root.GetProperty("description").GetString());
        Assert.Equal("zh-cn", root.GetProperty("language").GetString());
        Assert.Equal("2026-04-14T21:25:00Z", root.GetProperty("updated").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("published").ValueKind);
        Assert.Equal("""[{"name":"Ed Itor","email":"ed@example.com","uri":null}]""", Compact(root.GetProperty("authors")));
        Assert.Equal("https://example.com/logo.png", root.GetProperty("image").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("icon").ValueKind);
        Assert.Equal("Hand 1.0", root.GetProperty("generator").GetString());
        Assert.Equal("© 2026 Sample", root.GetProperty("rights").GetString());
        Assert.Equal(["Tech"], root.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var warning = Assert.Single(root.GetProperty("warnings").EnumerateArray());
        Assert.Contains("'&'", warning.GetString(), StringComparison.Ordinal);

        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        var first = entries[0];
        Assert.Equal(
            ["id", "title", "link", "authors", "published", "updated", "summary", "content", "categories", "enclosures", "commentsUrl", "language"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("p1", first.GetProperty("id").GetString());
        Assert.Equal("第一篇", first.GetProperty("title").GetString());
        Assert.Equal("https://example.com/posts/1", first.GetProperty("link").GetString());
        Assert.Equal(
            """[{"name":"Ann","email":null,"uri":null},{"name":"Bob","email":null,"uri":null},{"name":"Cy","email":"cy@example.com","uri":"https://cy.example/"}]""",
            Compact(first.GetProperty("authors")));
        Assert.Equal("2026-04-13T08:00:00Z", first.GetProperty("published").GetString());
        Assert.Equal("2026-04-13T09:30:00Z", first.GetProperty("updated").GetString());
        var summary = first.GetProperty("summary").GetString()!;
        Assert.Contains("Hello", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("script", summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", summary, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("<p>The whole <b>story</b></p>", first.GetProperty("content").GetString());
        var enclosure = Assert.Single(first.GetProperty("enclosures").EnumerateArray());
        Assert.Equal("https://example.com/a.mp3", enclosure.GetProperty("url").GetString());
        Assert.Equal(123, enclosure.GetProperty("length").GetInt64());
        Assert.Equal("https://example.com/posts/1#comments", first.GetProperty("commentsUrl").GetString());
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("link").ValueKind);
        Assert.Empty(entries[1].GetProperty("enclosures").EnumerateArray());

        var atom = await InertiaProcess.RunAsync("parse", Write("sample.atom", SampleAtom), "--json");
        Assert.Equal(0, atom.ExitCode);
        using var atomJson = JsonDocument.Parse(atom.StandardOutput);
        var atomRoot = atomJson.RootElement;
        Assert.Equal("https://atom.example/favicon.ico", atomRoot.GetProperty("icon").GetString());
        Assert.Equal("https://atom.example/logo.svg", atomRoot.GetProperty("image").GetString());
        Assert.Equal("""[{"name":"Dee","email":"dee@atom.example","uri":"https://atom.example/about"}]""", Compact(atomRoot.GetProperty("authors")));
        Assert.Equal("2026-04-10T12:00:00Z", atomRoot.GetProperty("entries")[0].GetProperty("updated").GetString());
        Assert.Empty(atomRoot.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task A_file_has_no_web_address_so_no_url_is_resolved_against_its_path()
    {
        var path = Write("relative.xml", """
            <rss version="2.0"><channel><title>Relative</title><link>/blog/</link>
              <item><title>a</title><link>/blog/a</link></item>
            </channel></rss>
            """);
        var atomPath = Write("based.atom", """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://based.example/x/">
              <title>Based</title><link href="/home"/><entry><id>1</id><link href="post"/></entry>
            </feed>
            """);

        var relative = await InertiaProcess.RunAsync("parse", path, "--json");
        var based = await InertiaProcess.RunAsync("parse", atomPath, "--json");

        Assert.Equal(0, relative.ExitCode);
        Assert.DoesNotContain("file:", relative.StandardOutput, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(relative.StandardOutput);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("link").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("entries")[0].GetProperty("link").ValueKind);
        Assert.Contains(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("relative URL was left out", StringComparison.Ordinal));
        using var basedJson = JsonDocument.Parse(based.StandardOutput);
        Assert.Equal("https://based.example/home", basedJson.RootElement.GetProperty("link").GetString());
        Assert.Equal("https://based.example/x/post", basedJson.RootElement.GetProperty("entries")[0].GetProperty("link").GetString());
    }

    [SharedDataFact]
    public async Task A_corpus_feed_with_site_relative_links_prints_no_file_urls()
    {
        var result = await InertiaProcess.RunAsync("parse", SharedData.Corpus("feedjira-samruby.xml"), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("file:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_that_are_neither_a_file_nor_an_http_url_are_named_as_such()
    {
        var ftp = await InertiaProcess.RunAsync("parse", "ftp://x/y");
        var directory = await InertiaProcess.RunAsync("parse", _folder);

        Assert.Equal((1, "inertia parse: \"ftp://x/y\" is not an http or https URL; parse reads a file, standard input ('-'), or fetches an http or https URL.\n"), (ftp.ExitCode, ftp.StandardError));
        Assert.Equal((1, $"inertia parse: \"{_folder}\" is a directory; give the path of a feed file.\n"), (directory.ExitCode, directory.StandardError));
    }

    [Fact]
    public async Task A_url_is_fetched_through_the_guarded_client()
    {
        await using var server = await TestWebServer.StartAsync((app, _) =>
            app.MapGet("/feed.xml", () => Results.Text(
                "<rss version=\"2.0\"><channel><title>Served</title><item><title>a</title><link>/posts/a</link></item></channel></rss>",
                "application/rss+xml")));
        var url = server.Url("/feed.xml").AbsoluteUri;

        var refused = await InertiaProcess.RunAsync("parse", url, "--json");
        var allowed = await InertiaProcess.RunAsync("parse", url, "--json", "--allow-network", "127.0.0.1");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("", refused.StandardOutput);
        Assert.Contains("Refused to connect to 127.0.0.1 (loopback)", refused.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0, allowed.ExitCode);
        using var json = JsonDocument.Parse(allowed.StandardOutput);
        Assert.Equal("Served", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(server.Url("/posts/a").AbsoluteUri, json.RootElement.GetProperty("entries")[0].GetProperty("link").GetString());
    }

    [Fact]
    public async Task Summary_names_format_title_counts_warnings_and_first_entries()
    {
        var result = await InertiaProcess.RunAsync("parse", Write("sample.xml", SampleRss));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Format:    rss2.0", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Title:     Sample & Co", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Entries:   2", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Warnings:  1", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("2026-04-13 08:00  第一篇", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_document_exits_non_zero_with_the_reason_on_stderr()
    {
        var result = await InertiaProcess.RunAsync("parse", Write("page.html", "<!DOCTYPE html>\n<html><body>hi</body></html>"), "--json");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
        Assert.Contains("HTML page", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("line 2, column 1", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_exits_non_zero_with_a_message()
    {
        var result = await InertiaProcess.RunAsync("parse", Path.Combine(_folder, "nope.xml"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("nope.xml", result.StandardError, StringComparison.Ordinal);
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
