using System.Diagnostics;
using Dapper;
using Inertia.Storage.Entries;
using Microsoft.Data.Sqlite;
using static Inertia.Tests.Api.ApiHarness;

namespace Inertia.Tests.Api;

/// <summary>
/// A real client no one here wrote: Debian's newsboat with its "feedhq" source (Google Reader's ClientLogin,
/// subscription/list, Atom streams under reader/atom/, token, edit-tag, mark-all-as-read) against Inertia on
/// 127.0.0.1, with its own configuration and cache in a temporary HOME.
/// </summary>
public sealed class NewsboatTests
{
    private const string Newsboat = "/usr/bin/newsboat";

    private sealed class NewsboatHome : IDisposable
    {
        public NewsboatHome(Uri server)
        {
            Folder = Directory.CreateTempSubdirectory("inertia-newsboat-").FullName;
            File.WriteAllText(Path.Combine(Folder, "config"), $"""
                urls-source "feedhq"
                feedhq-url "{server}api/greader"
                feedhq-login "ann"
                feedhq-password "{AnnApiPassword}"
                feedhq-show-special-feeds no
                """);
            File.WriteAllText(Path.Combine(Folder, "urls"), "");
        }

        public string Folder { get; }

        private string[] Arguments => ["-C", Path.Combine(Folder, "config"), "-u", Path.Combine(Folder, "urls"), "-c", Path.Combine(Folder, "cache.db")];

        /// <summary>Runs newsboat headless with <c>-x</c> commands and returns its output.</summary>
        public async Task<string> ExecuteAsync(params string[] commands)
        {
            var start = new ProcessStartInfo(Newsboat) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in Arguments.Append("-x").Concat(commands))
            {
                start.ArgumentList.Add(argument);
            }
            return await RunAsync(start, null);
        }

        /// <summary>Runs newsboat's interface in a terminal (util-linux script) and presses <paramref name="keys"/>, a second apart.</summary>
        public async Task<string> PressAsync(params string[] keys)
        {
            var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            foreach (var argument in new[] { "-q", "-e", "-c", string.Join(' ', new[] { Newsboat }.Concat(Arguments).Select(a => $"'{a}'")), "/dev/null" })
            {
                start.ArgumentList.Add(argument);
            }
            return await RunAsync(start, keys);
        }

        private async Task<string> RunAsync(ProcessStartInfo start, string[]? keys)
        {
            start.Environment["HOME"] = Folder;
            start.Environment["TERM"] = "xterm";
            start.Environment["LANG"] = "C.UTF-8";
            start.WorkingDirectory = Folder;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (keys is not null)
            {
                await Task.Delay(TimeSpan.FromSeconds(3));
                foreach (var key in keys)
                {
                    await process.StandardInput.WriteAsync(key);
                    await process.StandardInput.FlushAsync();
                    await Task.Delay(TimeSpan.FromSeconds(1.5));
                }
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"newsboat exited with {process.ExitCode}: {await error}");
            return await output;
        }

        /// <summary>newsboat's cache: each article's title and whether it is unread, by feed URL.</summary>
        public async Task<List<(string Title, bool Unread, string FeedUrl)>> ArticlesAsync()
        {
            await using var cache = new SqliteConnection($"Data Source={Path.Combine(Folder, "cache.db")};Mode=ReadOnly;Pooling=False");
            return (await cache.QueryAsync<(string, bool, string)>("SELECT title, unread, feedurl FROM rss_item ORDER BY title")).ToList();
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    [SkippableFact]
    public async Task Newsboat_reads_subscriptions_and_unread_items_and_read_state_travels_both_ways()
    {
        Skip.IfNot(File.Exists(Newsboat), "newsboat is not installed (apt-get install newsboat); the real-client proof is skipped.");
        await using var h = await StartAsync(items: 3);
        using var home = new NewsboatHome(h.App.BaseUrl);
        var entries = h.App.Get<EntryStore>();
        async Task<List<string>> ServerUnreadAsync() =>
            (await entries.PageAsync(h.Ann.Id, new EntryQuery { View = EntryView.Unread })).Items.Select(i => i.Title!).Order().ToList();

        await home.ExecuteAsync("reload");
        Assert.Contains("3 unread articles", await home.ExecuteAsync("print-unread"), StringComparison.Ordinal);
        var articles = await home.ArticlesAsync();
        Assert.Equal(["Post 1", "Post 2", "Post 3"], articles.Select(a => a.Title));
        Assert.All(articles, a => Assert.True(a.Unread));
        Assert.All(articles, a => Assert.Equal($"{h.App.BaseUrl}api/greader/reader/atom/feed%2F{Id(h.AnnFeed)}?n=20", a.FeedUrl));

        // Read on the server, and a new post: newsboat's next reload sees both.
        var post3 = (await h.EntryIdsAsync(h.Ann))[0];
        await entries.SetReadAsync(h.Ann.Id, [post3], true, DateTimeOffset.UtcNow);
        h.AnnSite.Publish("Post 4");
        await h.RefreshAsync(h.AnnFeed);
        await home.ExecuteAsync("reload");
        Assert.Contains("3 unread articles", await home.ExecuteAsync("print-unread"), StringComparison.Ordinal);
        Assert.Equal([("Post 1", true), ("Post 2", true), ("Post 3", false), ("Post 4", true)], (await home.ArticlesAsync()).Select(a => (a.Title, a.Unread)));

        // Read in newsboat: opening the newest article (edit-tag), then "mark feed read" (mark-all-as-read).
        await home.PressAsync("\r", "\r", "q", "q", "q");
        Assert.Equal(["Post 1", "Post 2"], await ServerUnreadAsync());
        await home.PressAsync("A", "q");
        Assert.Empty(await ServerUnreadAsync());
        Assert.Equal(2, (await entries.PageAsync(h.Bob.Id, new EntryQuery { View = EntryView.Unread })).Items.Count);
    }
}
