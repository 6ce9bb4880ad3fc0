using Dapper;
using Inertia.Feeds;
using Inertia.Search;
using Inertia.Storage;
using Inertia.Storage.Entries;
using Inertia.Storage.Subscriptions;
using Inertia.Tests.Support;
using static Inertia.Tests.Storage.StorageFixtures;

namespace Inertia.Tests.Search;

/// <summary>Search over stored entries, on SQLite and PostgreSQL: every form of the query language, against a brute-force scan.</summary>
public sealed class SearchStoreTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    /// <summary>A fixed set of articles: English, Chinese, Japanese, Korean, mixed, full-width, accented.</summary>
    internal static readonly (string Id, string Title, string Content, string Author, string Tag, int DaysAgo)[] Articles =
    [
        ("en1", "Kernel security update", "<p>A critical <b>vulnerability</b> in the Linux kernel was fixed.</p>", "Alice Smith", "security", 1),
        ("en2", "Quantum computing explained", "<p>Qubits and superposition, for beginners.</p>", "Bob Jones", "science", 2),
        ("en3", "Sponsored: the best VPN", "<p>This post is sponsored. Buy now.</p>", "Marketing", "ads", 3),
        ("en4", "Café culture in Paris", "<p>Where to drink coffee: a café guide, naïve and résumé-free.</p>", "Zoë", "travel", 4),
        ("en5", "Security researchers report a kernel bug", "<p>Another kernel issue; the update is rolling out.</p>", "Alice Smith", "security", 5),
        ("zh1", "北京大学发布量子计算新成果", "<p>北京大学的研究团队在量子位纠错方面取得突破。</p>", "新华社", "科技", 1),
        ("zh2", "微软修复严重漏洞", "<p>微软发布补丁，修复 Windows 中的一个严重漏洞。</p>", "量子位", "安全", 2),
        ("zh3", "上海天气预报", "<p>明天上海有雨，北风三级。</p>", "气象台", "天气", 3),
        ("zh4", "iPhone手机评测", "<p>新款iPhone手机的续航表现出色。</p>", "评测组", "数码", 4),
        ("ja1", "東京の天気", "<p>東京は明日晴れるでしょう。</p>", "気象庁", "天気", 2),
        ("ko1", "서울 날씨", "<p>서울은 내일 비가 옵니다.</p>", "기상청", "날씨", 3),
        ("fw1", "ＡＢＣ全角テスト", "<p>全角のＡＢＣと１２３。</p>", "Tester", "test", 6),
        ("mx1", "Rust 编程语言入门", "<p>学习 Rust 的所有权和借用。</p>", "Ferris", "编程", 7),
    ];

    private static async Task<(TestDatabase Test, long User, long Feed, Dictionary<string, long> Ids)> SeededAsync(string engine)
    {
        var test = await TestDatabase.CreateAsync(engine);
        var (user, feed) = await SubscribedAsync(test.Database);
        await StoreAsync(test.Database, feed, Parsed(ArticleEntries()));
        var ids = (await test.Database.ReadAsync(c => c.QueryAsync<(string Guid, long Id)>("SELECT guid, id FROM entries"))).ToDictionary(r => r.Guid, r => r.Id);
        return (test, user, feed, ids);
    }

    /// <summary>The <see cref="Articles"/> as a feed's entries, each with its address ending in its id.</summary>
    internal static Entry[] ArticleEntries() => Articles.Select(a => new Entry
    {
        Id = a.Id,
        Title = a.Title,
        Link = "https://example.com/posts/" + a.Id,
        Content = a.Content,
        Published = Now.AddDays(-a.DaysAgo),
        Authors = [new Person(a.Author)],
        Categories = [a.Tag],
    }).ToArray();

    /// <summary>
    /// The ids of what a search finds, checked to be the same along every path a page can be read (<see cref="SearchPath"/>):
    /// from the index first, by walking the dates against the set of matches, or asking the index about each row.
    /// </summary>
    internal static async Task<List<string>> FindAsync(Database database, long user, string query, Func<SearchRequest, SearchRequest>? shape = null)
    {
        var request = new SearchRequest(SearchQuery.Parse(query, Now, Utc)) { Limit = 100 };
        request = shape is null ? request : shape(request);
        var indexFirst = await new SearchStore(database).SearchAsync(user, request);
        foreach (var store in new[] { new SearchStore(database) { IndexFirstLimit = 0 }, new SearchStore(database) { IndexFirstLimit = 0, MatchSetLimit = 0 } })
        {
            var walked = await store.SearchAsync(user, request);
            Assert.Equal(indexFirst.Hits.Select(h => h.Entry.EntryId), walked.Hits.Select(h => h.Entry.EntryId));
            Assert.Equal(indexFirst.Count, walked.Count);
        }
        return indexFirst.Hits.Select(h => h.Entry.Url!.Split('/')[^1]).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>What a scan of the folded text finds: the articles whose title or text contains <paramref name="text"/>.</summary>
    private static List<string> Scan(string text) => Articles
        .Where(a => SearchText.Fold(a.Title + "\n" + Inertia.Feeds.Html.HtmlText.ToPlainText(a.Content) + "\n" + a.Author + "\n" + a.Tag).Contains(SearchText.Fold(text), StringComparison.Ordinal))
        .Select(a => a.Id).Order(StringComparer.Ordinal).ToList();

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Chinese_japanese_and_korean_substrings_of_every_length_are_found_as_a_scan_finds_them(string engine)
    {
        var (test, user, _, _) = await SeededAsync(engine);
        await using var _ = test;
        string[] substrings =
        [
            "北", "京", "漏", "洞", "雨", "晴", "비",
            "北京", "漏洞", "量子", "大学", "天气", "上海", "手机", "東京", "서울",
            "量子位", "北京大", "京大学", "严重漏", "天気", "날씨",
            "北京大学", "修复严重漏洞", "量子计算新成果", "明天上海有雨",
        ];
        foreach (var substring in substrings)
        {
            var expected = Scan(substring);
            Assert.True(expected.Count > 0, substring);
            Assert.Equal(expected, await FindAsync(test.Database, user, substring));
        }
        Assert.Empty(await FindAsync(test.Database, user, "京北"));
        Assert.Empty(await FindAsync(test.Database, user, "大学北京"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Latin_words_are_found_without_case_or_accents_and_by_prefix(string engine)
    {
        var (test, user, _, _) = await SeededAsync(engine);
        await using var _ = test;
        Assert.Equal(["en1", "en5"], await FindAsync(test.Database, user, "KERNEL"));
        Assert.Equal(["en4"], await FindAsync(test.Database, user, "cafe"));
        Assert.Equal(["en4"], await FindAsync(test.Database, user, "café"));
        Assert.Equal(["en4"], await FindAsync(test.Database, user, "NAIVE"));
        Assert.Equal(["en1", "en5"], await FindAsync(test.Database, user, "secur*"));
        Assert.Equal(["en1", "en5"], await FindAsync(test.Database, user, "vuln* OR issue"));
        Assert.Empty(await FindAsync(test.Database, user, "secur"));
        // Words, not substrings: "port" is not in "report".
        Assert.Empty(await FindAsync(test.Database, user, "port"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Mixed_scripts_and_full_width_forms_match_as_written(string engine)
    {
        var (test, user, _, _) = await SeededAsync(engine);
        await using var _ = test;
        Assert.Equal(["zh4"], await FindAsync(test.Database, user, "iPhone手机"));
        Assert.Equal(["zh4"], await FindAsync(test.Database, user, "IPHONE"));
        Assert.Equal(["fw1"], await FindAsync(test.Database, user, "abc"));
        Assert.Equal(["fw1"], await FindAsync(test.Database, user, "ＡＢＣ"));
        Assert.Equal(["fw1"], await FindAsync(test.Database, user, "123"));
        Assert.Equal(["mx1"], await FindAsync(test.Database, user, "rust 借用"));
        Assert.Equal(["mx1"], await FindAsync(test.Database, user, "\"Rust 编程\""));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Every_form_of_the_query_language_selects_what_it_says(string engine)
    {
        var (test, user, feed, ids) = await SeededAsync(engine);
        await using var _ = test;
        var database = test.Database;
        await new EntryStore(database).SetReadAsync(user, [ids["en1"], ids["zh2"]], true, Now);
        await new EntryStore(database).SetStarredAsync(user, ids["en5"], true, Now);

        Assert.Equal(["en1", "en5"], await FindAsync(database, user, "kernel update"));
        Assert.Equal(["en1"], await FindAsync(database, user, "\"kernel security\""));
        Assert.Equal(["en5"], await FindAsync(database, user, "\"kernel bug\""));
        Assert.Equal(["en1"], await FindAsync(database, user, "kernel -bug"));
        Assert.Equal(["en2", "zh1"], await FindAsync(database, user, "quantum OR 量子计算"));
        Assert.Equal(["en1", "en5"], await FindAsync(database, user, "title:security OR title:kernel"));
        Assert.Equal(["en1"], await FindAsync(database, user, "title:update"));
        Assert.Equal(["en1", "en5"], await FindAsync(database, user, "update"));
        Assert.Equal(["en1", "en5"], await FindAsync(database, user, "author:alice"));
        Assert.Equal(["en1", "en5"], await FindAsync(database, user, "author:\"alice smith\""));
        Assert.Equal(["zh2"], await FindAsync(database, user, "author:量子位"));
        Assert.Equal(["en1", "en5"], await FindAsync(database, user, "tag:security"));
        Assert.Equal(["ja1", "zh3"], await FindAsync(database, user, "tag:天气 OR tag:天気"));
        Assert.Equal(["en1", "zh2"], await FindAsync(database, user, "is:read"));
        Assert.Equal(["en5"], await FindAsync(database, user, "is:starred"));
        Assert.Equal(["en5"], await FindAsync(database, user, "kernel is:unread"));
        Assert.Equal(["en1", "zh1"], await FindAsync(database, user, "newer:36h"));
        Assert.Equal(["en1", "en2", "ja1", "zh1", "zh2"], await FindAsync(database, user, $"after:{Now.AddDays(-2):yyyy-MM-dd}"));
        Assert.Equal(["fw1", "mx1"], await FindAsync(database, user, $"before:{Now.AddDays(-5):yyyy-MM-dd}"));
        Assert.Equal(["en3"], await FindAsync(database, user, "url:posts/en3"));
        Assert.Equal(Articles.Select(a => a.Id).Order(StringComparer.Ordinal), await FindAsync(database, user, "feed:example"));
        Assert.Equal(Articles.Select(a => a.Id).Order(StringComparer.Ordinal), await FindAsync(database, user, $"feed:{feed}"));
        Assert.Empty(await FindAsync(database, user, "feed:nosuchfeed"));
        Assert.Equal(["en3"], await FindAsync(database, user, "/sponsor(ed)?/"));
        Assert.Equal(["en1"], await FindAsync(database, user, "kernel -/rolling\\s+out/"));
        Assert.Equal(Articles.Select(a => a.Id).Where(i => i != "en3").Order(StringComparer.Ordinal), await FindAsync(database, user, "-sponsored"));
        Assert.Equal(["en5"], await FindAsync(database, user, "(kernel OR quantum) (bug OR beginners) -qubits"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Results_come_newest_first_in_pages_with_a_count_and_snippets_around_the_match(string engine)
    {
        var (test, user, _, _) = await SeededAsync(engine);
        await using var _ = test;
        var store = new SearchStore(test.Database);
        var query = SearchQuery.Parse("-nothingmatchesthis", Now, Utc);
        var seen = new List<long>();
        EntryCursor? after = null;
        do
        {
            var page = await store.SearchAsync(user, new SearchRequest(query) { Limit = 5, After = after });
            Assert.Equal(Articles.Length, page.Count);
            seen.AddRange(page.Hits.Select(h => h.Entry.EntryId));
            after = page.Next;
        }
        while (after is not null);
        Assert.Equal(Articles.Length, seen.Distinct().Count());

        var newest = await store.SearchAsync(user, new SearchRequest(SearchQuery.Parse("kernel", Now, Utc)));
        Assert.Equal(["Kernel security update", "Security researchers report a kernel bug"], newest.Hits.Select(h => h.Entry.Title));
        var oldest = await store.SearchAsync(user, new SearchRequest(SearchQuery.Parse("kernel", Now, Utc)) { Order = SearchOrder.Oldest });
        Assert.Equal(["Security researchers report a kernel bug", "Kernel security update"], oldest.Hits.Select(h => h.Entry.Title));
        var relevant = await store.SearchAsync(user, new SearchRequest(SearchQuery.Parse("security", Now, Utc)) { Order = SearchOrder.Relevance });
        Assert.Equal(2, relevant.Count);
        Assert.Contains("vulnerability", newest.Hits[0].Snippet, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_search_never_sees_another_users_entries(string engine)
    {
        var (test, ann, _, _) = await SeededAsync(engine);
        await using var _ = test;
        var bob = await UserAsync(test.Database, "bob");
        var bobsFeed = await FeedAsync(test.Database, "https://bob.example/feed.xml");
        await new SubscriptionStore(test.Database).SubscribeAsync(bob, bobsFeed, null, null, Now);
        await StoreAsync(test.Database, bobsFeed, Parsed(Entry("b1", "Bob's private kernel notes 北京")));

        Assert.Equal(["b1"], await FindAsync(test.Database, bob, "kernel"));
        Assert.Equal(["b1"], await FindAsync(test.Database, bob, "北京"));
        Assert.DoesNotContain("b1", await FindAsync(test.Database, ann, "kernel"));
        Assert.DoesNotContain("b1", await FindAsync(test.Database, ann, "北京"));
        Assert.Empty(await FindAsync(test.Database, ann, $"feed:{bobsFeed}"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_search_finds_a_hidden_entry_only_when_it_asks_for_hidden_ones(string engine)
    {
        var (test, user, feed, ids) = await SeededAsync(engine);
        await using var _ = test;
        await test.Database.WriteAsync((c, t) => c.ExecuteAsync("UPDATE entry_states SET is_hidden = TRUE, is_read = TRUE WHERE entry_id = @id", new { id = ids["en1"] }, t));

        Assert.Equal(["en5"], await FindAsync(test.Database, user, "kernel"));
        Assert.Equal(["en5"], await FindAsync(test.Database, user, "kernel", r => r with { Order = SearchOrder.Relevance }));
        Assert.Equal(["en5"], await FindAsync(test.Database, user, "kernel", r => r with { FeedId = feed }));
        Assert.Equal(1, (await new SearchStore(test.Database).SearchAsync(user, new SearchRequest(SearchQuery.Parse("kernel", Now, Utc)))).Count);
        // Without words the reader's rows are walked: the read ones as well as the unread.
        Assert.Equal(Articles.Select(a => a.Id).Where(i => i != "en1").Order(StringComparer.Ordinal), await FindAsync(test.Database, user, "-nothingmatchesthis"));
        Assert.Empty(await FindAsync(test.Database, user, "is:read"));

        Assert.Equal(["en1"], await FindAsync(test.Database, user, "is:hidden"));
        Assert.Equal(["en1"], await FindAsync(test.Database, user, "is:hidden", r => r with { FeedId = feed }));
        Assert.Equal(["en1"], await FindAsync(test.Database, user, "kernel is:hidden"));
        Assert.Empty(await FindAsync(test.Database, user, "quantum is:hidden"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task The_index_follows_updates_and_deletions(string engine)
    {
        var (test, user, feed, _) = await SeededAsync(engine);
        await using var _ = test;
        Assert.Equal(["zh3"], await FindAsync(test.Database, user, "上海"));
        var changed = Articles.Select(a => new Entry
        {
            Id = a.Id,
            Title = a.Id == "zh3" ? "广州天气预报" : a.Title,
            Link = "https://example.com/posts/" + a.Id,
            Content = a.Id == "zh3" ? "<p>明天广州有雨。</p>" : a.Content,
            Published = Now.AddDays(-a.DaysAgo),
            Authors = [new Person(a.Author)],
            Categories = [a.Tag],
        }).ToArray();
        await StoreAsync(test.Database, feed, Parsed(changed), Now.AddMinutes(1));
        Assert.Empty(await FindAsync(test.Database, user, "上海"));
        Assert.Equal(["zh3"], await FindAsync(test.Database, user, "广州"));

        await test.Database.WriteAsync((c, t) => c.ExecuteAsync("DELETE FROM entries WHERE guid = 'zh3'", transaction: t));
        Assert.Empty(await FindAsync(test.Database, user, "广州"));
        Assert.Equal(Articles.Length - 1, await IndexRowsAsync(test.Database));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Entries_stored_before_the_index_are_indexed_by_the_backfill(string engine)
    {
        var (test, user, _, ids) = await SeededAsync(engine);
        await using var _ = test;
        // As the migration leaves a database that had entries: nothing indexed, and the range to index noted.
        await test.Database.WriteAsync((c, t) => c.ExecuteAsync(
            "DELETE FROM entry_search; INSERT INTO search_backfill (id, next_entry_id, last_entry_id) VALUES (1, @min, @max)",
            new { min = ids.Values.Min(), max = ids.Values.Max() }, t));
        Assert.Empty(await FindAsync(test.Database, user, "kernel"));

        var indexer = new SearchIndexer(test.Database, Microsoft.Extensions.Logging.Abstractions.NullLogger<SearchIndexer>.Instance) { BatchSize = 4 };
        await indexer.BackfillAsync();

        Assert.Equal(["en1", "en5"], await FindAsync(test.Database, user, "kernel"));
        Assert.Equal(Articles.Length, await IndexRowsAsync(test.Database));
        Assert.Equal(0, await CountAsync(test.Database, "SELECT COUNT(*) FROM search_backfill"));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Reindexing_a_user_rebuilds_the_index_of_their_feeds(string engine)
    {
        var (test, user, _, _) = await SeededAsync(engine);
        await using var _ = test;
        await test.Database.WriteAsync((c, t) => c.ExecuteAsync("DELETE FROM entry_search", transaction: t));
        var progress = new List<(int Done, int Total)>();
        var indexer = new SearchIndexer(test.Database, Microsoft.Extensions.Logging.Abstractions.NullLogger<SearchIndexer>.Instance) { BatchSize = 5 };
        var indexed = await indexer.ReindexAsync(user, new Progress<(int, int)>(progress.Add));

        Assert.Equal(Articles.Length, indexed);
        Assert.Equal(["zh1"], await FindAsync(test.Database, user, "北京大学"));
    }

    private static Task<long> IndexRowsAsync(Database database) => CountAsync(database, "SELECT COUNT(*) FROM entry_search");
}
