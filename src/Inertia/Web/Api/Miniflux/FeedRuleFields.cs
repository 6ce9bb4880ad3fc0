using Inertia.Rules;
using Inertia.Search;
using Inertia.Storage.Rules;

namespace Inertia.Web.Api.Miniflux;

/// <summary>
/// Miniflux's <c>blocklist_rules</c> and <c>keeplist_rules</c> of a feed, kept as rules of that feed (docs/rules.md):
/// a block list hides the entries its regular expression matches in their title or text, a keep list hides the others.
/// Each reads back as the client wrote it; an empty one removes its rule.
/// </summary>
internal static class FeedRuleFields
{
    /// <summary>A 400 naming the field when a pattern cannot be used; null when both can (or are not given).</summary>
    public static IResult? Check(string? blocklist, string? keeplist)
    {
        foreach (var (field, pattern) in new[] { ("blocklist_rules", blocklist), ("keeplist_rules", keeplist) })
        {
            if (string.IsNullOrEmpty(pattern))
            {
                continue;
            }
            try
            {
                SearchQuery.Parse(RuleStore.MinifluxQuery(pattern), DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);
            }
            catch (SearchQueryException e)
            {
                return ApiJson.BadRequest($"{field} is not a regular expression Inertia can use: {e.Message}");
            }
        }
        return null;
    }

    /// <summary>Stores the fields given (null leaves a field as it is).</summary>
    public static async Task SaveAsync(RuleStore rules, long userId, long feedId, string? blocklist, string? keeplist, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (blocklist is not null)
        {
            await rules.SetMinifluxRuleAsync(userId, feedId, MinifluxRuleKind.Blocklist, blocklist, now, cancellationToken);
        }
        if (keeplist is not null)
        {
            await rules.SetMinifluxRuleAsync(userId, feedId, MinifluxRuleKind.Keeplist, keeplist, now, cancellationToken);
        }
    }

    /// <summary>
    /// Runs a newly followed feed's rules on the entries its first fetch stored, as Miniflux applies the lists it was
    /// created with to the first entries it keeps.
    /// </summary>
    public static async Task ApplyToFirstEntriesAsync(RuleStore rules, RuleRunner runner, long userId, long feedId, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        foreach (var rule in (await rules.ListAsync(userId, cancellationToken)).Where(r => r.FeedId == feedId && r.Miniflux is not null))
        {
            await runner.ApplyAsync(rule, RuleRunner.MaxDays, now, zone, cancellationToken);
        }
    }

    /// <summary>The feed with its fields as set.</summary>
    public static Json.FeedJson With(Json.FeedJson feed, IReadOnlyList<MinifluxRule>? rules) => rules is null ? feed : feed with
    {
        BlocklistRules = rules.FirstOrDefault(r => r.Kind == MinifluxRuleKind.Blocklist)?.Pattern ?? "",
        KeeplistRules = rules.FirstOrDefault(r => r.Kind == MinifluxRuleKind.Keeplist)?.Pattern ?? "",
    };
}
