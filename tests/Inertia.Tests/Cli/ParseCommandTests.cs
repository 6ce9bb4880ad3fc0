using System.Text.Json;

namespace Inertia.Tests.Cli;

/// <summary><c>inertia parse</c>: its human summary, its exit codes and its JSON contract (docs/parse-json.md).</summary>
public sealed class ParseCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inertia-parse-").FullName;

    private const string SampleRss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Sample &amp; Co</title>
            <link>https://example.com/</link>
            <description>Things</description>
            <language>zh-cn</language>
            <lastBuildDate>Tue, 14 Apr 2026 21:25:00 GMT</lastBuildDate>
            <category>Tech</category>
            <item>
              <title>第一篇</title>
              <link>/posts/1</link>
              <guid isPermaLink="false">p1</guid>
              <dc:creator>Ann</dc:creator>
              <dc:creator>Bob</dc:creator>
              <pubDate>Mon, 13 Apr 2026 08:00:00 GMT</pubDate>
              <category>News</category>
              <description>&lt;p onclick="evil()"&gt;Hello &lt;script&gt;alert(1)&lt;/script&gt;world&lt;/p&gt;</description>
              <enclosure url="/a.mp3" type="audio/mpeg" length="123"/>
              <comments>https://example.com/posts/1#comments</comments>
            </item>
            <item><title>Broken & fine</title><guid>p2</guid></item>
          </channel>
        </rss>
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
        Assert.Equal(JsonValueKind.Null, root.GetProperty("feedUrl").ValueKind);
        Assert.Equal("2026-04-14T21:25:00Z", root.GetProperty("updated").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("published").ValueKind);
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
        Assert.Equal(["Ann", "Bob"], first.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(["name", "email", "uri"], first.GetProperty("authors")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-04-13T08:00:00Z", first.GetProperty("published").GetString());
        var content = first.GetProperty("content").GetString()!;
        Assert.Contains("Hello", content, StringComparison.Ordinal);
        Assert.DoesNotContain("script", content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", content, StringComparison.OrdinalIgnoreCase);
        var enclosure = Assert.Single(first.GetProperty("enclosures").EnumerateArray());
        Assert.Equal("https://example.com/a.mp3", enclosure.GetProperty("url").GetString());
        Assert.Equal(123, enclosure.GetProperty("length").GetInt64());
        Assert.Equal("https://example.com/posts/1#comments", first.GetProperty("commentsUrl").GetString());
        Assert.Equal(JsonValueKind.Null, entries[1].GetProperty("link").ValueKind);
        Assert.Empty(entries[1].GetProperty("enclosures").EnumerateArray());
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

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
