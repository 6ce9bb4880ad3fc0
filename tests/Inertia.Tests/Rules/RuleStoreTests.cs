using Inertia.Storage.Rules;
using Inertia.Storage.Subscriptions;
using Inertia.Tests.Support;
using static Inertia.Tests.Storage.StorageFixtures;

namespace Inertia.Tests.Rules;

/// <summary>A reader's rules as stored, on SQLite and PostgreSQL.</summary>
public sealed class RuleStoreTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Rules_are_kept_in_order_changed_moved_disabled_and_deleted(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var database = test.Database;
        var (user, feed) = await SubscribedAsync(database);
        var store = new RuleStore(database);
        var a = (await store.CreateAsync(user, new RuleDraft("a", "sponsored") { Actions = RuleActions.Hide }, Now))!.Value;
        var b = (await store.CreateAsync(user, new RuleDraft("b", "kernel") { FeedId = feed, Actions = RuleActions.Star | RuleActions.Label, Label = "Linux" }, Now))!.Value;
        var c = (await store.CreateAsync(user, new RuleDraft("c", "漏洞") { KeepOnly = true, Actions = RuleActions.MarkRead }, Now))!.Value;

        Assert.Equal([a, b, c], (await store.ListAsync(user)).Select(r => r.Id));
        var second = (await store.GetAsync(user, b))!;
        Assert.Equal((feed, RuleActions.Star | RuleActions.Label, "Linux", "https://example.com/feed.xml"), (second.FeedId!.Value, second.Actions, second.Label, second.ScopeTitle));
        Assert.True((await store.GetAsync(user, c))!.KeepOnly);

        Assert.True(await store.MoveAsync(user, c, earlier: true));
        Assert.False(await store.MoveAsync(user, a, earlier: true));
        Assert.Equal([a, c, b], (await store.ListAsync(user)).Select(r => r.Id));
        Assert.True(await store.MoveAsync(user, a, earlier: false));
        Assert.Equal([c, a, b], (await store.ListAsync(user)).Select(r => r.Id));

        Assert.True(await store.SetEnabledAsync(user, a, false, Now));
        Assert.False((await store.GetAsync(user, a))!.Enabled);
        Assert.True(await store.UpdateAsync(user, a, new RuleDraft("a2", "sponsored OR 广告") { Actions = RuleActions.MarkRead, Label = "ignored" }, Now));
        var changed = (await store.GetAsync(user, a))!;
        Assert.Equal(("a2", "sponsored OR 广告", RuleActions.MarkRead, (string?)null, true), (changed.Name, changed.Query, changed.Actions, changed.Label, changed.Enabled));

        Assert.True(await store.DeleteAsync(user, a));
        Assert.False(await store.DeleteAsync(user, a));
        Assert.Equal([c, b], (await store.ListAsync(user)).Select(r => r.Id));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_reader_cannot_see_change_or_aim_a_rule_at_what_is_not_theirs(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var database = test.Database;
        var (ann, annsFeed) = await SubscribedAsync(database);
        var (bob, bobsFeed) = await SubscribedAsync(database, "bob", "https://example.org/bob.xml");
        var bobsFolder = (await new FolderStore(database).CreateAsync(bob, "Bob's", Now))!.Value;
        var store = new RuleStore(database);
        var annsRule = (await store.CreateAsync(ann, new RuleDraft("mine", "x") { Actions = RuleActions.Star }, Now))!.Value;

        Assert.Null(await store.CreateAsync(ann, new RuleDraft("feed", "x") { FeedId = bobsFeed, Actions = RuleActions.Star }, Now));
        Assert.Null(await store.CreateAsync(ann, new RuleDraft("folder", "x") { FolderId = bobsFolder, Actions = RuleActions.Star }, Now));
        Assert.False(await store.UpdateAsync(ann, annsRule, new RuleDraft("feed", "x") { FeedId = bobsFeed, Actions = RuleActions.Star }, Now));
        Assert.Null(await store.GetAsync(bob, annsRule));
        Assert.Empty(await store.ListAsync(bob));
        Assert.False(await store.UpdateAsync(bob, annsRule, new RuleDraft("theirs", "y") { Actions = RuleActions.Star }, Now));
        Assert.False(await store.SetEnabledAsync(bob, annsRule, false, Now));
        Assert.False(await store.MoveAsync(bob, annsRule, earlier: false));
        Assert.False(await store.DeleteAsync(bob, annsRule));
        Assert.Equal("mine", (await store.GetAsync(ann, annsRule))!.Name);
        Assert.NotNull(await store.CreateAsync(ann, new RuleDraft("own feed", "x") { FeedId = annsFeed, Actions = RuleActions.Star }, Now));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task A_rule_goes_with_its_feed_when_unsubscribed_and_with_its_folder(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var database = test.Database;
        var (user, feed) = await SubscribedAsync(database);
        var folder = (await new FolderStore(database).CreateAsync(user, "Tech", Now))!.Value;
        var store = new RuleStore(database);
        await store.CreateAsync(user, new RuleDraft("feed", "x") { FeedId = feed, Actions = RuleActions.Star }, Now);
        await store.CreateAsync(user, new RuleDraft("folder", "x") { FolderId = folder, Actions = RuleActions.Star }, Now);
        await store.CreateAsync(user, new RuleDraft("all", "x") { Actions = RuleActions.Star }, Now);

        await new SubscriptionStore(database).UnsubscribeAsync(user, feed);
        await new FolderStore(database).DeleteAsync(user, folder);

        Assert.Equal(["all"], (await store.ListAsync(user)).Select(r => r.Name));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Miniflux_lists_are_one_rule_each_replaced_when_set_again_and_removed_when_empty(string engine)
    {
        await using var test = await TestDatabase.CreateAsync(engine);
        var database = test.Database;
        var (user, feed) = await SubscribedAsync(database);
        var store = new RuleStore(database);

        await store.SetMinifluxRuleAsync(user, feed, MinifluxRuleKind.Blocklist, "a/b", Now);
        await store.SetMinifluxRuleAsync(user, feed, MinifluxRuleKind.Blocklist, "c/d", Now);
        await store.SetMinifluxRuleAsync(user, feed, MinifluxRuleKind.Keeplist, "keep", Now);

        var rules = await store.ListAsync(user);
        Assert.Equal(2, rules.Count);
        var block = rules.Single(r => r.Miniflux!.Kind == MinifluxRuleKind.Blocklist);
        Assert.Equal(("c/d", "/c\\/d/", false, RuleActions.Hide, feed), (block.Miniflux!.Pattern, block.Query, block.KeepOnly, block.Actions, block.FeedId!.Value));
        Assert.True(rules.Single(r => r.Miniflux!.Kind == MinifluxRuleKind.Keeplist).KeepOnly);
        Assert.Equal([new MinifluxRule(MinifluxRuleKind.Blocklist, "c/d"), new MinifluxRule(MinifluxRuleKind.Keeplist, "keep")],
            (await store.MinifluxRulesAsync(user, [feed]))[feed].OrderBy(r => r.Kind));

        await store.SetMinifluxRuleAsync(user, feed, MinifluxRuleKind.Blocklist, "", Now);
        Assert.Equal([MinifluxRuleKind.Keeplist], (await store.ListAsync(user)).Select(r => r.Miniflux!.Kind));
    }
}
