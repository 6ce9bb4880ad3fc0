using System.Globalization;
using System.Net;
using Inertia.Rules;
using Inertia.Storage.Accounts;
using Inertia.Storage.Rules;
using Inertia.Tests.Support;

namespace Inertia.Tests.Web;

/// <summary>
/// The rules pages over real HTTP: a rule made, listed, edited, reordered, switched off and on, deleted; every problem of
/// the form named; a rule tested (saved or not) and applied to the last days' entries; another reader's rules out of reach.
/// </summary>
public sealed class RulePagesTests
{
    private const string New = "/settings/rules/new";

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Posts the rule form of <paramref name="path"/> (<see cref="New"/> or a rule's own) with a handler.</summary>
    private static Task<WebPage> PostFormAsync(ReaderClient client, string path, string handler, params (string Name, string Value)[] fields) =>
        client.PostAsync($"{path}?handler={handler}", path, false, fields);

    /// <summary>Makes a rule through the form and gives its id, read from where the form leads.</summary>
    private static async Task<string> CreateAsync(ReaderClient client, params (string Name, string Value)[] fields)
    {
        var saved = await PostFormAsync(client, New, "Save", fields);
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"saving answered {saved.Status}: {saved.Text(".errors")}");
        Assert.Matches("^/settings/rules#rule-[0-9]+$", saved.Location);
        return saved.Location!.Split('-')[^1];
    }

    private static Task<WebPage> ListAsync(ReaderClient client) => client.GetAsync("/settings/rules");

    /// <summary>The rules page's own forms: move, enable, disable, delete.</summary>
    private static Task<WebPage> ActAsync(ReaderClient client, string handler, string ruleId, params (string Name, string Value)[] fields) =>
        client.PostAsync($"/settings/rules?handler={handler}", "/settings/rules", false, [("RuleId", ruleId), .. fields]);

    private static async Task<IReadOnlyList<string>> TitlesAsync(ReaderClient client, string path) => (await client.GetAsync(path)).Texts("#entries .entry-title");

    [Fact]
    public async Task A_rule_is_made_listed_edited_reordered_switched_off_and_on_and_deleted()
    {
        await using var site = await FeedSite.StartAsync("Tech News", items: 1);
        await using var app = await ReaderApp.StartAsync();
        var (client, user) = await app.SignedInAsync("ann");
        using (client)
        {
            var feed = await ReaderPagesTests.SubscribeAsync(client, site.FeedUrl, folder: "Tech");
            var feedId = Id(feed);
            Assert.Equal("/settings/rules", (await client.GetAsync("/settings")).Document.QuerySelector("#rules-link")!.GetAttribute("href"));
            Assert.Equal("No rules yet.", (await ListAsync(client)).Text(".empty"));

            // The form offers every folder and feed of the reader's; a search or a feed's page can start it.
            var form = await client.GetAsync(New + "?q=" + Uri.EscapeDataString("title:ad") + "&scope=feed:" + feedId);
            var options = form.Document.QuerySelectorAll("select[name=Scope] option");
            Assert.Equal(["All feeds", "Tech", "Tech News"], options.Select(o => o.TextContent.Trim()));
            var folderScope = options[1].GetAttribute("value")!;
            Assert.Equal("title:ad", form.Document.QuerySelector("input[name=Query]")!.GetAttribute("value"));
            Assert.Equal("feed:" + feedId, form.Document.QuerySelector("select[name=Scope] option[selected]")!.GetAttribute("value"));
            Assert.NotNull(form.Document.QuerySelector("input[name=Enabled][checked]"));
            Assert.StartsWith(New + "?q=post", (await client.GetAsync("/search?q=post")).Document.QuerySelector(".make-rule")!.GetAttribute("href"), StringComparison.Ordinal);
            Assert.Equal(New + "?scope=feed:" + feedId, (await client.GetAsync($"/feeds/{feedId}/status")).Document.QuerySelector(".new-feed-rule")!.GetAttribute("href"));

            var sponsored = await CreateAsync(client, ("Name", " Sponsored "), ("Query", "sponsored OR title:ad"), ("Scope", "feed:" + feedId),
                ("MarkRead", "true"), ("Hide", "true"), ("AddLabel", "true"), ("Label", "  Ads "), ("Enabled", "true"));
            var list = await ListAsync(client);
            Assert.Equal("Rule “Sponsored” saved.", list.Text(".flash"));
            var row = $"#rule-{sponsored}";
            Assert.Equal("Sponsored", list.Text($"{row} .rule-name"));
            Assert.Equal("sponsored OR title:ad", list.Text($"{row} .rule-query"));
            Assert.Equal("Feed “Tech News”", list.Text($"{row} .rule-scope"));
            Assert.Equal("Mark read, hide, label “Ads”", list.Text($"{row} .rule-actions"));
            Assert.Equal("The entries the search matches", list.Text($"{row} .rule-target"));
            Assert.Equal("Enabled", list.Text($"{row} .rule-state"));
            Assert.Equal("", list.Text($"{row} .rule-keep-only"));
            Assert.Equal("/search?q=" + Uri.EscapeDataString("sponsored OR title:ad") + "&in=feed:" + feedId, list.Document.QuerySelector($"{row} .rule-matches")!.GetAttribute("href"));

            var kernel = await CreateAsync(client, ("Name", "Only kernel"), ("Query", "kernel"), ("Scope", folderScope), ("KeepOnly", "true"), ("Star", "true"));
            list = await ListAsync(client);
            Assert.Equal(["Sponsored", "Only kernel"], list.Texts(".rule-name"));
            Assert.Equal(("Disabled", "Keep only", "Every entry the search does not match", "Folder “Tech”", "Star"), (
                list.Text($"#rule-{kernel} .rule-state"), list.Text($"#rule-{kernel} .rule-keep-only"), list.Text($"#rule-{kernel} .rule-target"),
                list.Text($"#rule-{kernel} .rule-scope"), list.Text($"#rule-{kernel} .rule-actions")));

            // Edited: the form shows the rule as it is, and saving changes it.
            var edit = await client.GetAsync($"/settings/rules/{sponsored}");
            Assert.Equal("Edit “Sponsored”", edit.Text("h1"));
            Assert.Equal(("Sponsored", "sponsored OR title:ad", "feed:" + feedId, "Ads"), (
                edit.Document.QuerySelector("input[name=Name]")!.GetAttribute("value"), edit.Document.QuerySelector("input[name=Query]")!.GetAttribute("value"),
                edit.Document.QuerySelector("select[name=Scope] option[selected]")!.GetAttribute("value"), edit.Document.QuerySelector("input[name=Label]")!.GetAttribute("value")));
            Assert.Equal(["MarkRead", "Hide", "AddLabel", "Enabled"], edit.Document.QuerySelectorAll("input[type=checkbox][checked]").Select(i => i.GetAttribute("name")));
            var saved = await PostFormAsync(client, $"/settings/rules/{sponsored}", "Save", ("Name", "Sponsored posts"), ("Query", "sponsored"), ("Scope", ""), ("Star", "true"), ("Enabled", "true"));
            Assert.Equal((HttpStatusCode.Redirect, $"/settings/rules#rule-{sponsored}"), (saved.Status, saved.Location));
            list = await ListAsync(client);
            Assert.Equal(("Sponsored posts", "sponsored", "All feeds", "Star"), (
                list.Text($"{row} .rule-name"), list.Text($"{row} .rule-query"), list.Text($"{row} .rule-scope"), list.Text($"{row} .rule-actions")));

            // Order: the first cannot go up nor the last down; moving changes the order rules run in.
            Assert.NotNull(list.Document.QuerySelector($"{row} button[name=Earlier][value=true][disabled]"));
            Assert.NotNull(list.Document.QuerySelector($"#rule-{kernel} button[name=Earlier][value=false][disabled]"));
            var moved = await ActAsync(client, "Move", kernel, ("Earlier", "true"));
            Assert.Equal((HttpStatusCode.Redirect, $"/settings/rules#rule-{kernel}"), (moved.Status, moved.Location));
            Assert.Equal(["Only kernel", "Sponsored posts"], (await ListAsync(client)).Texts(".rule-name"));
            await ActAsync(client, "Move", kernel, ("Earlier", "true"));
            Assert.Equal(["Only kernel", "Sponsored posts"], (await ListAsync(client)).Texts(".rule-name"));
            await ActAsync(client, "Move", kernel, ("Earlier", "false"));
            Assert.Equal(["Sponsored posts", "Only kernel"], (await ListAsync(client)).Texts(".rule-name"));

            await ActAsync(client, "Enable", kernel);
            list = await ListAsync(client);
            Assert.Equal(("Rule “Only kernel” enabled.", "Enabled", "Disable"), (list.Text(".flash"), list.Text($"#rule-{kernel} .rule-state"), list.Text($"#rule-{kernel} .rule-toggle")));
            await ActAsync(client, "Disable", kernel);
            list = await ListAsync(client);
            Assert.Equal(("Rule “Only kernel” disabled.", "Disabled", "Enable"), (list.Text(".flash"), list.Text($"#rule-{kernel} .rule-state"), list.Text($"#rule-{kernel} .rule-toggle")));

            Assert.Contains("Delete the rule “Sponsored posts”?", list.Document.QuerySelector($"{row} .rule-delete")!.GetAttribute("data-confirm"), StringComparison.Ordinal);
            var deleted = await ActAsync(client, "Delete", sponsored);
            Assert.Equal((HttpStatusCode.Redirect, "/settings/rules"), (deleted.Status, deleted.Location));
            list = await ListAsync(client);
            Assert.Equal("Rule “Sponsored posts” deleted.", list.Text(".flash"));
            Assert.Equal(["Only kernel"], list.Texts(".rule-name"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/settings/rules/{sponsored}")).Status);

            // A row says why its rule last failed, and that a Miniflux app set it.
            await app.Database.WriteAsync(async (connection, transaction) =>
            {
                await RuleEffects.RecordFailuresAsync(connection, transaction, new Dictionary<long, string> { [long.Parse(kernel, CultureInfo.InvariantCulture)] = RuleBook.TimedOut }, DateTimeOffset.UtcNow.AddMinutes(-5));
                return true;
            });
            await app.Get<RuleStore>().SetMinifluxRuleAsync(user.Id, feed, MinifluxRuleKind.Blocklist, "sponsor", DateTimeOffset.UtcNow);
            list = await ListAsync(client);
            Assert.Equal("Failed 5 min ago: " + RuleBook.TimedOut, list.Text($"#rule-{kernel} .rule-error"));
            Assert.Equal(["Set by a Miniflux app (the feed's blocklist_rules). Saving it here ends that link."], list.Texts(".rule-miniflux"));
            Assert.Equal("/sponsor/", list.Document.QuerySelectorAll(".rule").Single(r => r.QuerySelector(".rule-miniflux") is not null).QuerySelector(".rule-query")!.TextContent);
        }
    }

    [Fact]
    public async Task The_form_names_every_problem_keeps_what_was_typed_and_saves_nothing()
    {
        await using var app = await ReaderApp.StartAsync();
        var (client, user) = await app.SignedInAsync("ann");
        using (client)
        {
            // A query that cannot be read: the parser's message, with the place marked.
            var page = await PostFormAsync(client, New, "Save", ("Name", "Broken"), ("Query", "title:\"open"), ("MarkRead", "true"), ("Enabled", "true"));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(["The quote at position 7 is never closed."], page.Texts(".errors li"));
            Assert.Equal("\"", page.Text(".search-error-query mark"));
            Assert.Equal(("Broken", "title:\"open"), (page.Document.QuerySelector("input[name=Name]")!.GetAttribute("value"), page.Document.QuerySelector("input[name=Query]")!.GetAttribute("value")));
            Assert.Equal(["MarkRead", "Enabled"], page.Document.QuerySelectorAll("input[type=checkbox][checked]").Select(i => i.GetAttribute("name")));

            page = await PostFormAsync(client, New, "Save", ("Name", "Idle"), ("Query", "kernel"), ("KeepOnly", "true"), ("Label", "unticked"));
            Assert.Equal(["Choose at least one thing for the rule to do."], page.Texts(".errors li"));
            Assert.Equal(["KeepOnly"], page.Document.QuerySelectorAll("input[type=checkbox][checked]").Select(i => i.GetAttribute("name")));
            Assert.Equal("unticked", page.Document.QuerySelector("input[name=Label]")!.GetAttribute("value"));

            page = await PostFormAsync(client, New, "Save", ("Name", "Labeller"), ("Query", "kernel"), ("AddLabel", "true"), ("Label", "a/b"));
            Assert.Equal(["A label has 1 to 64 characters, without / or \"."], page.Texts(".errors li"));
            Assert.Equal("a/b", page.Document.QuerySelector("input[name=Label]")!.GetAttribute("value"));
            page = await PostFormAsync(client, New, "Save", ("Name", "Labeller"), ("Query", "kernel"), ("AddLabel", "true"), ("Label", "  "));
            Assert.Equal(["A label has 1 to 64 characters, without / or \"."], page.Texts(".errors li"));

            // Everything wrong at once is said at once; a feed the reader does not follow is no scope.
            page = await PostFormAsync(client, New, "Save", ("Name", new string('n', 101)), ("Query", " "), ("Scope", "feed:999999"), ("Star", "true"));
            Assert.Equal(["A rule needs a name of 1 to 100 characters.", "Write the search that chooses the entries.", "Choose where the rule applies among your folders and feeds."], page.Texts(".errors li"));
            page = await PostFormAsync(client, New, "Save", ("Name", ""), ("Query", "kernel"), ("Scope", "folder:abc"), ("Star", "true"));
            Assert.Equal(["A rule needs a name of 1 to 100 characters.", "Choose where the rule applies among your folders and feeds."], page.Texts(".errors li"));

            // In the reader's language.
            await app.Get<UserStore>().SaveSettingsAsync(user.Id, user.Settings with { Language = "zh-CN" });
            page = await PostFormAsync(client, New, "Save", ("Name", "坏"), ("Query", "title:\"open"), ("Hide", "true"));
            Assert.Equal(["第 7 个字符处的引号没有闭合。"], page.Texts(".errors li"));

            Assert.Empty((await ListAsync(client)).Texts(".rule-name"));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_rule_is_tested_before_and_after_saving_and_applied_to_the_last_days(string engine)
    {
        Skip.If(engine == "postgres" && TestDatabase.PostgresServer is null, "PostgreSQL tests need INERTIA_TEST_POSTGRES.");
        await using var site = await FeedSite.StartAsync("Deals Daily", items: 0);
        site.Publish("Sponsored: an old deal", DateTimeOffset.UtcNow.AddDays(-40));
        site.Publish("Kernel 6.9 released", DateTimeOffset.UtcNow.AddHours(-2));
        site.Publish("Sponsored: a phone", DateTimeOffset.UtcNow.AddHours(-1));
        await using var app = await ReaderApp.StartAsync(engine);
        var (client, _) = await app.SignedInAsync("ann");
        using (client)
        {
            await ReaderPagesTests.SubscribeAsync(client, site.FeedUrl);
            string[] everything = ["Sponsored: a phone", "Kernel 6.9 released", "Sponsored: an old deal"];
            Assert.Equal(everything, await TitlesAsync(client, "/all"));

            // Tried out unsaved, and without a name: what it would change, nothing written.
            var tried = await PostFormAsync(client, New, "Test", ("Query", "kernel"), ("MarkRead", "true"), ("Days", "30"));
            Assert.Equal(HttpStatusCode.OK, tried.Status);
            Assert.Equal("Entries it would change in the last 30 days: 1", tried.Text("#rule-test .rule-run-count"));
            Assert.Equal(["Kernel 6.9 released"], tried.Texts("#rule-test .rule-samples a"));
            Assert.Equal("kernel", tried.Document.QuerySelector("input[name=Query]")!.GetAttribute("value"));
            Assert.Equal(["Choose from 1 to 3650 days."], (await PostFormAsync(client, New, "Test", ("Query", "kernel"), ("MarkRead", "true"), ("Days", "3651"))).Texts(".errors li"));
            Assert.Empty((await ListAsync(client)).Texts(".rule-name"));
            Assert.Equal(everything, await TitlesAsync(client, "/unread"));

            var rule = await CreateAsync(client, ("Name", "No sponsored posts"), ("Query", "sponsored"), ("Hide", "true"), ("Enabled", "true"));
            var list = await ListAsync(client);
            Assert.Equal($"/settings/rules/{rule}/test", list.Document.QuerySelector($"#rule-{rule} form.rule-run")!.GetAttribute("action"));
            Assert.Equal("30", list.Document.QuerySelector($"#rule-{rule} .rule-run input[name=days]")!.GetAttribute("value"));
            Assert.Equal(["Test", "Apply…"], list.Texts($"#rule-{rule} .rule-run button"));

            // Tested: the count and the entries, each leading to its article.
            var test = await client.GetAsync($"/settings/rules/{rule}/test");
            Assert.Equal("Entries it would change in the last 30 days: 1", test.Text(".rule-run-count"));
            var sample = test.Document.QuerySelector(".rule-samples a")!;
            Assert.Equal("Sponsored: a phone", sample.TextContent);
            Assert.Matches("^/entries/[0-9]+$", sample.GetAttribute("href"));
            Assert.Equal("Sponsored: a phone", (await client.GetAsync(sample.GetAttribute("href")!)).Text(".article h1"));
            var further = await client.GetAsync($"/settings/rules/{rule}/test?days=60");
            Assert.Equal("Entries it would change in the last 60 days: 2", further.Text(".rule-run-count"));
            Assert.Equal(["Sponsored: a phone", "Sponsored: an old deal"], further.Texts(".rule-samples a"));
            var refused = await client.GetAsync($"/settings/rules/{rule}/test?days=0");
            Assert.Equal(["Choose from 1 to 3650 days."], refused.Texts(".errors li"));
            Assert.Null(refused.Document.QuerySelector("#apply-rule"));
            Assert.Equal(everything, await TitlesAsync(client, "/all"));

            // Applied to the last 30 days: the recent sponsored post is hidden (and read), the old one stays.
            Assert.Equal("Apply it to the last 30 days", test.Text("#apply-rule"));
            var applied = await client.PostAsync($"/settings/rules/{rule}/test?handler=Apply", $"/settings/rules/{rule}/test", false, ("days", "30"));
            Assert.Equal((HttpStatusCode.Redirect, $"/settings/rules#rule-{rule}"), (applied.Status, applied.Location));
            Assert.Equal("Applied “No sponsored posts” to the entries of the last 30 days. Entries changed: 1.", (await ListAsync(client)).Text(".flash"));
            Assert.Equal(["Kernel 6.9 released", "Sponsored: an old deal"], await TitlesAsync(client, "/all"));
            Assert.Equal(["Kernel 6.9 released", "Sponsored: an old deal"], await TitlesAsync(client, "/unread"));
            Assert.Equal(["Sponsored: a phone"], await TitlesAsync(client, "/search?q=is%3Ahidden"));

            // Further back, only what is left is changed; then there is nothing to apply.
            await client.PostAsync($"/settings/rules/{rule}/test?handler=Apply", $"/settings/rules/{rule}/test", false, ("days", "60"));
            Assert.Equal("Applied “No sponsored posts” to the entries of the last 60 days. Entries changed: 1.", (await ListAsync(client)).Text(".flash"));
            Assert.Equal(["Kernel 6.9 released"], await TitlesAsync(client, "/all"));
            var done = await client.GetAsync($"/settings/rules/{rule}/test?days=60");
            Assert.Equal("Entries it would change in the last 60 days: 0", done.Text(".rule-run-count"));
            Assert.Null(done.Document.QuerySelector("#apply-rule"));
        }
    }

    [Fact]
    public async Task Another_readers_rules_answer_404_and_forms_need_their_token()
    {
        await using var site = await FeedSite.StartAsync("Ann's Feed", items: 1);
        await using var app = await ReaderApp.StartAsync();
        var (ann, _) = await app.SignedInAsync("ann");
        var (bob, _) = await app.SignedInAsync("bob");
        using (ann)
        using (bob)
        {
            var annFeed = Id(await ReaderPagesTests.SubscribeAsync(ann, site.FeedUrl));
            var rule = await CreateAsync(ann, ("Name", "Ann's rule"), ("Query", "post"), ("Scope", "feed:" + annFeed), ("Star", "true"), ("Enabled", "true"));

            Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/settings/rules/{rule}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/settings/rules/{rule}/test")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/settings/rules/{rule}?handler=Save", New, false, ("Name", "Mine"), ("Query", "x"), ("Star", "true"))).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/settings/rules/{rule}/test?handler=Apply", New, false, ("days", "30"))).Status);
            foreach (var handler in new[] { "Move", "Enable", "Disable", "Delete" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(bob, handler, rule, ("Earlier", "true"))).Status);
            }
            // Nor can Bob aim a rule of his at Ann's feed.
            var aimed = await PostFormAsync(bob, New, "Save", ("Name", "Spy"), ("Query", "post"), ("Scope", "feed:" + annFeed), ("Star", "true"));
            Assert.Equal(["Choose where the rule applies among your folders and feeds."], aimed.Texts(".errors li"));
            Assert.Empty((await ListAsync(bob)).Texts(".rule-name"));

            // A form posted from another site carries no token.
            var forged = await ann.PostWithoutTokenAsync("/settings/rules?handler=Delete", [new("RuleId", rule)]);
            Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
            var list = await ListAsync(ann);
            Assert.Equal(["Ann's rule"], list.Texts(".rule-name"));
            Assert.Equal("Enabled", list.Text($"#rule-{rule} .rule-state"));
        }
    }
}
