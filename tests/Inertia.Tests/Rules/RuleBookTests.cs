using System.Text;
using Inertia.Rules;
using Inertia.Search;
using Inertia.Storage.Rules;
using static Inertia.Tests.Storage.StorageFixtures;

namespace Inertia.Tests.Rules;

/// <summary>A reader's rules acting on entries in memory.</summary>
public sealed class RuleBookTests
{
    private static SearchSubject Subject(string title, string content) =>
        new(SearchDocument.OfStored(title, null, null, null, content)) { FeedTitle = "Feed", FeedId = 1 };

    [Fact]
    public void A_regular_expression_that_runs_out_of_time_fails_its_rule_once_and_the_others_go_on()
    {
        // Linear-time matching still takes long when the automaton cannot be built ahead: 40 positions to track, over
        // megabytes. How long depends on the machine, so the limit is a millisecond here; the real one is 250 ms.
        var random = new Random(7);
        var text = new StringBuilder(6_000_000);
        for (var i = 0; i < 6_000_000; i++)
        {
            text.Append(random.Next(2) == 0 ? 'a' : 'b');
        }
        var slow = new Rule { Id = 1, Name = "slow", Query = "/(a|b)*a(a|b){40}c/", Actions = RuleActions.Hide, Position = 1 };
        var fine = new Rule { Id = 2, Name = "fine", Query = "huge", Actions = RuleActions.Star, Position = 2 };
        var book = new RuleBook([slow, fine], Now, TimeZoneInfo.Utc, TimeSpan.FromMilliseconds(1));
        var huge = Subject("huge", "<p>" + text + "</p>");

        var outcome = book.Apply(huge);

        Assert.Equal(RuleBook.TimedOut, book.Failures[1]);
        Assert.Equal((2L, RuleActions.Star), (outcome!.RuleId, outcome.Done));
        Assert.False(huge.IsHidden);
        // The failed rule is not tried again in the same run, not even on an entry it would match at once.
        var small = Subject("small", "<p>" + new string('a', 41) + "c</p>");
        Assert.True(new RuleBook([slow], Now, TimeZoneInfo.Utc).Apply(Subject("small", "<p>" + new string('a', 41) + "c</p>")) is { Done: RuleActions.Hide });
        Assert.Null(book.Apply(small));
        Assert.False(small.IsHidden);
    }

    [Fact]
    public void Disabled_rules_and_rules_out_of_scope_do_nothing()
    {
        var book = new RuleBook(
        [
            new Rule { Id = 1, Name = "off", Query = "kernel", Actions = RuleActions.MarkRead, Enabled = false },
            new Rule { Id = 2, Name = "other feed", Query = "kernel", Actions = RuleActions.Star, FeedId = 2 },
            new Rule { Id = 3, Name = "other folder", Query = "kernel", Actions = RuleActions.Hide, FolderId = 9 },
        ], Now, TimeZoneInfo.Utc);

        Assert.Null(book.Apply(Subject("kernel", "<p>kernel</p>")));
    }
}
