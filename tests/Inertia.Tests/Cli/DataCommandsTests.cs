using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Inertia.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Inertia.Tests.Cli;

/// <summary>The data commands (user, subscribe, import, export, refresh, stats, serve) as a user runs them: real processes, real databases.</summary>
public sealed class DataCommandsTests
{
    private static byte[] Rss(string title, int items) => Encoding.UTF8.GetBytes(
        $"<rss version=\"2.0\"><channel><title>{title}</title><link>https://{title}.example/</link>{string.Concat(Enumerable.Range(1, items).Select(i => $"<item><guid>{title}-{i}</guid><title>{title} {i}</title></item>"))}</channel></rss>");

    private static Task<TestWebServer> FeedsAsync() => TestWebServer.StartAsync((app, _) =>
    {
        app.MapGet("/a.xml", () => Results.Bytes(Rss("alpha", 3), "application/rss+xml"));
        app.MapGet("/b.xml", () => Results.Bytes(Rss("beta", 2), "application/rss+xml"));
        app.MapGet("/broken.xml", () => Results.StatusCode(500));
        app.MapGet("/page", () => Results.Content(
            """<html><head><link rel="alternate" type="application/rss+xml" title="A" href="/a.xml"><link rel="alternate" type="application/rss+xml" title="B" href="/b.xml"></head></html>""", "text/html"));
    });

    private static string[] Args(TestDatabase test, params string[] args) => [.. args, "--database", test.CommandLineValue];

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Import_refresh_stats_and_export_round_trip(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var server = await FeedsAsync();
        var opml = Path.Combine(Path.GetTempPath(), $"inertia-{Guid.NewGuid():N}.opml");
        await File.WriteAllTextAsync(opml, $"""
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>Mine</title></head><body>
              <outline text="News">
                <outline type="rss" text="Alpha" xmlUrl="{server.Url("/a.xml")}" htmlUrl="https://alpha.example/"/>
                <outline type="rss" text="Broken" xmlUrl="{server.Url("/broken.xml")}"/>
              </outline>
              <outline type="rss" text="Beta" xmlUrl="{server.Url("/b.xml")}"/>
            </body></opml>
            """);
        try
        {
            var add = await InertiaProcess.RunAsync(Args(test, "user", "add", "ann", "--password", "correct horse"));
            Assert.Equal(0, add.ExitCode);
            Assert.Contains("Created user ann", add.StandardOutput, StringComparison.Ordinal);

            var import = await InertiaProcess.RunAsync(Args(test, "import", opml, "--user", "ann", "--allow-network", "127.0.0.0/8"));
            Assert.Equal(0, import.ExitCode);
            Assert.Contains("3 feeds in the file: 3 subscribed, 0 already followed; 3 new feeds.", import.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("500 Internal Server Error", import.StandardOutput, StringComparison.Ordinal);

            var stats = await InertiaProcess.RunAsync(Args(test, "stats", "--json"));
            using (var json = JsonDocument.Parse(stats.StandardOutput))
            {
                Assert.Equal("""{"users":1,"feeds":3,"subscriptions":3,"entries":5,"unread":5,"feedsInError":1}""", json.RootElement.GetRawText());
            }

            var refresh = await InertiaProcess.RunAsync(Args(test, "refresh", "--all", "--allow-network", "127.0.0.0/8"));
            Assert.Equal(3, refresh.ExitCode);
            Assert.Contains("Refreshed 3 feeds", refresh.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("Unchanged", refresh.StandardOutput, StringComparison.Ordinal);

            var export = await InertiaProcess.RunAsync(Args(test, "export", "--user", "ann"));
            Assert.Equal(0, export.ExitCode);
            Assert.EndsWith("</opml>\n", export.StandardOutput, StringComparison.Ordinal);
            var outlines = XDocument.Parse(export.StandardOutput).Descendants("outline").Where(o => o.Attribute("xmlUrl") is not null)
                .Select(o => (Folder: (string?)o.Parent!.Attribute("text"), Title: (string?)o.Attribute("title"), Url: (string?)o.Attribute("xmlUrl")))
                .OrderBy(o => o.Url, StringComparer.Ordinal).ToList();
            Assert.Equal(
                [("News", "Alpha", server.Url("/a.xml").AbsoluteUri), (null, "Beta", server.Url("/b.xml").AbsoluteUri), ("News", "Broken", server.Url("/broken.xml").AbsoluteUri)],
                outlines);
        }
        finally
        {
            File.Delete(opml);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Subscribe_stores_entries_or_lists_the_choices(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var server = await FeedsAsync();
        await InertiaProcess.RunAsync(Args(test, "user", "add", "ann"));

        var choose = await InertiaProcess.RunAsync(Args(test, "subscribe", server.Url("/page").AbsoluteUri, "--user", "ann", "--allow-network", "127.0.0.1"));
        var direct = await InertiaProcess.RunAsync(Args(test, "subscribe", server.Url("/a.xml").AbsoluteUri, "--user", "ann", "--folder", "Tech", "--allow-network", "127.0.0.1"));
        var refused = await InertiaProcess.RunAsync(Args(test, "subscribe", server.Url("/b.xml").AbsoluteUri, "--user", "ann"));

        Assert.Equal(2, choose.ExitCode);
        Assert.Contains(server.Url("/a.xml").AbsoluteUri, choose.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(server.Url("/b.xml").AbsoluteUri, choose.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, direct.ExitCode);
        Assert.Contains("Subscribed ann to alpha", direct.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("3 entries stored", direct.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Refused to connect to 127.0.0.1 (loopback)", refused.StandardError, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Search_prints_a_users_matches_as_text_or_json_says_what_is_wrong_and_reindexes(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        await using var server = await FeedsAsync();
        await InertiaProcess.RunAsync(Args(test, "user", "add", "ann"));
        await InertiaProcess.RunAsync(Args(test, "subscribe", server.Url("/a.xml").AbsoluteUri, "--user", "ann", "--allow-network", "127.0.0.1"));

        var text = await InertiaProcess.RunAsync(Args(test, "search", "alpha -3", "--user", "ann"));
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("alpha 1", text.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("alpha 3", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("2 results.", text.StandardOutput, StringComparison.Ordinal);

        var json = await InertiaProcess.RunAsync(Args(test, "search", "title:alpha", "--user", "ann", "--json", "--limit", "1", "--order", "oldest"));
        using var document = JsonDocument.Parse(json.StandardOutput);
        Assert.Equal(3, document.RootElement.GetProperty("count").GetInt64());
        Assert.True(document.RootElement.GetProperty("more").GetBoolean());
        Assert.Equal("alpha 1", document.RootElement.GetProperty("entries")[0].GetProperty("title").GetString());

        var bad = await InertiaProcess.RunAsync(Args(test, "search", "\"alpha", "--user", "ann"));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("The quote at position 1 is never closed.", bad.StandardError, StringComparison.Ordinal);

        var reindex = await InertiaProcess.RunAsync(Args(test, "search", "reindex", "--user", "ann"));
        Assert.Equal(0, reindex.ExitCode);
        Assert.Contains("Indexed 3 entries", reindex.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_errors_are_one_clear_line()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        await InertiaProcess.RunAsync(Args(test, "user", "add", "ann"));

        var taken = await InertiaProcess.RunAsync(Args(test, "user", "add", "ANN"));
        var badName = await InertiaProcess.RunAsync(Args(test, "user", "add", "a b"));
        var shortPassword = await InertiaProcess.RunAsync(Args(test, "user", "add", "bob", "--password", "short"));
        var unknownUser = await InertiaProcess.RunAsync(Args(test, "export", "--user", "nobody"));
        var badNetwork = await InertiaProcess.RunAsync(Args(test, "refresh", "--allow-network", "not a network"));
        var badDatabase = await InertiaProcess.RunAsync("stats", "--database", "Host=127.0.0.1;Port=1;Username=x;Timeout=2");

        Assert.Equal("inertia user add: the user name \"ANN\" is taken.\n", taken.StandardError);
        Assert.Equal("inertia user add: A user name may hold letters, digits and . _ - @ only; ' ' is not allowed.\n", badName.StandardError);
        Assert.Contains("at least 8 characters", shortPassword.StandardError, StringComparison.Ordinal);
        Assert.Contains("there is no user \"nobody\"", unknownUser.StandardError, StringComparison.Ordinal);
        Assert.Contains("'not a network' is not a network", badNetwork.StandardError, StringComparison.Ordinal);
        Assert.StartsWith("inertia stats: could not use the database (PostgreSQL 127.0.0.1/", badDatabase.StandardError, StringComparison.Ordinal);
        Assert.All(new[] { taken, badName, shortPassword, unknownUser, badNetwork, badDatabase }, r => Assert.Equal(1, r.ExitCode));
    }

    [Fact]
    public async Task Counts_of_one_are_written_in_the_singular()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        await using var server = await FeedsAsync();
        var opml = Path.Combine(Path.GetTempPath(), $"inertia-{Guid.NewGuid():N}.opml");
        await File.WriteAllTextAsync(opml, $"<opml version=\"2.0\"><body><outline text=\"A\" xmlUrl=\"{server.Url("/a.xml")}\"/></body></opml>");
        try
        {
            await InertiaProcess.RunAsync(Args(test, "user", "add", "ann"));
            var import = await InertiaProcess.RunAsync(Args(test, "import", opml, "--user", "ann", "--no-fetch"));
            var refresh = await InertiaProcess.RunAsync(Args(test, "refresh", "--all", "--allow-network", "127.0.0.1"));

            Assert.Contains("1 feed in the file: 1 subscribed, 0 already followed; 1 new feed.", import.StandardOutput, StringComparison.Ordinal);
            Assert.Equal(0, refresh.ExitCode);
            Assert.Contains("Refreshed 1 feed in ", refresh.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(opml);
        }
    }

    [Fact]
    public async Task Serve_answers_health_and_readiness()
    {
        var data = Directory.CreateTempSubdirectory("inertia-serve-").FullName;
        var port = FreePort();
        var (serve, _) = InertiaProcess.Start("serve", "--data", data, "--urls", $"http://127.0.0.1:{port}");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var deadline = DateTime.UtcNow.AddSeconds(30);
            HttpResponseMessage? health = null;
            while (health is null)
            {
                try
                {
                    health = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200);
                }
            }
            Assert.Equal("ok", await health.Content.ReadAsStringAsync());
            Assert.Equal("ready", await http.GetStringAsync(new Uri("readyz", UriKind.Relative)));
            Assert.True(File.Exists(Path.Combine(data, "inertia.db")));
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
            serve.Dispose();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Mistakes_outside_the_database_are_named_as_such()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        await InertiaProcess.RunAsync(Args(test, "user", "add", "ann"));

        var unknownFeed = await InertiaProcess.RunAsync(Args(test, "refresh", "--feed", "999"));
        var missingFile = await InertiaProcess.RunAsync(Args(test, "import", "/nonexistent/list.opml", "--user", "ann"));
        var badUrl = await InertiaProcess.RunAsync("parse", "http://");
        var badDatabaseUrl = await InertiaProcess.RunAsync("stats", "--database", "postgres://u:p@localhost:99999/x");

        Assert.Equal((1, "inertia refresh: there is no feed 999 (inertia stats counts them; export lists the subscribed ones).\n"), (unknownFeed.ExitCode, unknownFeed.StandardError));
        Assert.Equal(1, missingFile.ExitCode);
        Assert.StartsWith("inertia import: Could not find", missingFile.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("database", missingFile.StandardError, StringComparison.Ordinal);
        Assert.Equal((1, "inertia parse: \"http://\" is not a valid URL.\n"), (badUrl.ExitCode, badUrl.StandardError));
        Assert.Equal(1, badDatabaseUrl.ExitCode);
        Assert.StartsWith("inertia stats: ", badDatabaseUrl.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", badDatabaseUrl.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_refreshes_without_listening()
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        await using var server = await FeedsAsync();
        var opml = Path.Combine(Path.GetTempPath(), $"inertia-{Guid.NewGuid():N}.opml");
        await File.WriteAllTextAsync(opml, $"<opml version=\"2.0\"><body><outline text=\"A\" xmlUrl=\"{server.Url("/a.xml")}\"/></body></opml>");
        await InertiaProcess.RunAsync(Args(test, "user", "add", "ann"));
        await InertiaProcess.RunAsync(Args(test, "import", opml, "--user", "ann", "--no-fetch"));
        var port = FreePort();
        var (worker, output) = InertiaProcess.Start(Args(test, "serve", "--role", "worker", "--urls", $"http://127.0.0.1:{port}", "--allow-network", "127.0.0.1"));
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(await InertiaProcess.RunAsync(Args(test, "stats", "--json"))).StandardOutput.Contains("\"entries\":3", StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline, $"the worker did not refresh the feed within 30 s:\n{output}");
                await Task.Delay(300);
            }
            using var client = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(System.Net.IPAddress.Loopback, port));
            Assert.False(worker.HasExited);
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
            worker.Dispose();
            File.Delete(opml);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
