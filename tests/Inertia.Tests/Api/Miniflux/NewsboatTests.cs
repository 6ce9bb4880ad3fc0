using System.Diagnostics;
using System.Net;
using System.Text;
using Dapper;
using Inertia.Tests.Web;
using Microsoft.Data.Sqlite;
using static Inertia.Tests.Api.Miniflux.ApiFixture;

namespace Inertia.Tests.Api.Miniflux;

/// <summary>
/// Debian's newsboat (2.21), a Miniflux client no one here wrote, against Inertia on 127.0.0.1: its
/// <c>urls-source "miniflux"</c> reads the categories, feeds and entries, and marks entries read with
/// <c>PUT /v1/entries</c>. Read state changed on either side shows on the other.
/// </summary>
public sealed class NewsboatTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    [SkippableFact]
    public async Task Newsboat_syncs_subscriptions_unread_entries_and_read_state_both_ways()
    {
        Skip.If(Find("newsboat") is null, "newsboat is not installed (apt-get install newsboat; .ci/run installs it): the real-client test is skipped.");
        Skip.If(Find("script") is null, "script (util-linux) is not installed: newsboat's screen cannot be driven.");
        await using var api = await StartAsync(items: 3);
        await using var other = await FeedSite.StartAsync("Other Blog", items: 2);
        var folder = (await api.Client.PostAsync("/v1/categories", new { title = "Blogs" })).Json.GetProperty("id").GetInt64();
        var blog = await SubscribeAsync(api.Client, api.Site.FeedUrl, folder);
        var otherFeed = await SubscribeAsync(api.Client, other.FeedUrl);
        using var dir = new NewsboatDirectory(api.App.BaseUrl, "ann", Password);

        // Newsboat gets both subscriptions and all five unread entries.
        Assert.Contains("5 unread articles", await dir.RunAsync("-x", "reload", "print-unread"), StringComparison.Ordinal);
        var feeds = await dir.QueryAsync<string>("SELECT rssurl FROM rss_feed ORDER BY rssurl");
        Assert.Equal(new[] { Id(blog), Id(otherFeed) }.Order(StringComparer.Ordinal), feeds);
        var items = (await dir.QueryAsync<(string Guid, string Title, long Unread, string FeedUrl)>("SELECT guid, title, unread, feedurl FROM rss_item")).ToList();
        Assert.Equal(["Post 1", "Post 1", "Post 2", "Post 2", "Post 3"], items.Select(i => i.Title).Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.Equal(1, i.Unread));
        var entries = (await api.Client.GetAsync("/v1/entries?limit=0")).Json.GetProperty("entries").EnumerateArray()
            .ToDictionary(e => Id(e.GetProperty("id").GetInt64()), e => (Title: e.GetProperty("title").GetString(), Feed: Id(e.GetProperty("feed_id").GetInt64())));
        Assert.All(items, i => Assert.Equal(entries[i.Guid], (i.Title, i.FeedUrl)));

        // Read in Inertia: newsboat sees it at its next reload.
        var readHere = items.First(i => i.FeedUrl == Id(otherFeed)).Guid;
        (await api.Client.PutAsync("/v1/entries", new { entry_ids = new[] { long.Parse(readHere, System.Globalization.CultureInfo.InvariantCulture) }, status = "read" })).Is(HttpStatusCode.NoContent);
        Assert.Contains("4 unread articles", await dir.RunAsync("-x", "reload", "print-unread"), StringComparison.Ordinal);
        Assert.Equal(0, (await dir.QueryAsync<long>("SELECT unread FROM rss_item WHERE guid = @guid", new { guid = readHere })).Single());

        // Read in newsboat ("mark all feeds read" on its screen): Inertia sees it at once.
        await dir.MarkAllReadOnScreenAsync();
        var unread = await EventuallyAsync(async () => (await api.Client.GetAsync("/v1/entries?status=unread")).Json.GetProperty("total").GetInt64(), 0);
        Assert.Equal(0, unread);
        Assert.Equal(5, (await api.Client.GetAsync("/v1/entries?status=read")).Json.GetProperty("total").GetInt64());
        Assert.Contains("0 unread articles", await dir.RunAsync("-x", "reload", "print-unread"), StringComparison.Ordinal);

        // Something new arrives in Inertia: newsboat picks it up unread.
        api.Site.Publish("Brand new");
        (await api.Client.PutAsync($"/v1/feeds/{Id(blog)}/refresh")).Is(HttpStatusCode.NoContent);
        Assert.Contains("1 unread articles", await dir.RunAsync("-x", "reload", "print-unread"), StringComparison.Ordinal);
        Assert.Equal(["Brand new"], await dir.QueryAsync<string>("SELECT title FROM rss_item WHERE unread = 1"));
    }

    private static async Task<long> EventuallyAsync(Func<Task<long>> read, long expected)
    {
        var clock = Stopwatch.StartNew();
        long value;
        while ((value = await read()) != expected && clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(200);
        }
        return value;
    }

    /// <summary>A newsboat set-up of its own: configuration, URL file, cache and HOME in a temporary folder.</summary>
    private sealed class NewsboatDirectory : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("inertia-newsboat-").FullName;

        public NewsboatDirectory(Uri server, string login, string password)
        {
            Directory.CreateDirectory(Path.Combine(_root, "home"));
            File.WriteAllText(Path.Combine(_root, "urls"), "");
            // With the trailing slash a reader would copy from the browser: newsboat then asks for "//v1/…".
            File.WriteAllText(Path.Combine(_root, "config"), $"""
                urls-source "miniflux"
                miniflux-url "{server.AbsoluteUri}"
                miniflux-login "{login}"
                miniflux-password "{password}"
                confirm-exit no
                """);
        }

        private string[] Files => ["-C", Path.Combine(_root, "config"), "-c", Path.Combine(_root, "cache.db"), "-u", Path.Combine(_root, "urls")];

        /// <summary>Runs newsboat headless (<c>-x …</c>) and returns what it printed.</summary>
        public async Task<string> RunAsync(params string[] arguments)
        {
            using var process = Start("newsboat", [.. Files, .. arguments]);
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await WaitAsync(process);
            var text = await output + await errors;
            Assert.True(process.ExitCode == 0, $"newsboat {string.Join(' ', arguments)} exited with {process.ExitCode}: {text}");
            return text;
        }

        /// <summary>Opens newsboat's screen in a pseudo-terminal, marks all feeds read (C, then y) and quits.</summary>
        public async Task MarkAllReadOnScreenAsync()
        {
            var command = "stty rows 40 cols 120; exec newsboat " + string.Join(' ', Files.Select(f => "'" + f + "'"));
            using var process = Start("script", ["-qfec", command, "/dev/null"]);
            var screen = new StringBuilder();
            var reading = Task.Run(async () =>
            {
                var buffer = new char[4096];
                int read;
                while ((read = await process.StandardOutput.ReadAsync(buffer)) > 0)
                {
                    lock (screen)
                    {
                        screen.Append(buffer, 0, read);
                    }
                }
            });
            async Task UntilAsync(string text)
            {
                var clock = Stopwatch.StartNew();
                while (!Shown(text))
                {
                    Assert.True(clock.Elapsed < Patience, $"newsboat's screen never showed \"{text}\"");
                    await Task.Delay(100);
                }
            }
            bool Shown(string text)
            {
                lock (screen)
                {
                    return screen.ToString().Contains(text, StringComparison.Ordinal);
                }
            }
            await UntilAsync("C:Mark All Read");
            await process.StandardInput.WriteAsync('C');
            await process.StandardInput.FlushAsync();
            await UntilAsync("(y:Yes n:No)");
            await process.StandardInput.WriteAsync('y');
            await process.StandardInput.FlushAsync();
            await Task.Delay(500);
            await process.StandardInput.WriteAsync('q');
            await process.StandardInput.FlushAsync();
            await WaitAsync(process);
            await reading;
        }

        public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_root, "cache.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            return (await connection.QueryAsync<T>(sql, parameters)).ToList();
        }

        private Process Start(string program, IEnumerable<string> arguments)
        {
            var info = new ProcessStartInfo(program)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = _root,
            };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }
            info.Environment["HOME"] = Path.Combine(_root, "home");
            info.Environment["TERM"] = "xterm";
            info.Environment["LANG"] = "C.UTF-8";
            info.Environment.Remove("XDG_CONFIG_HOME");
            info.Environment.Remove("XDG_DATA_HOME");
            return Process.Start(info)!;
        }

        private static async Task WaitAsync(Process process)
        {
            using var timeout = new CancellationTokenSource(Patience);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{process.StartInfo.FileName} did not finish within {Patience.TotalSeconds} s.");
            }
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
