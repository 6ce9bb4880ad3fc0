using System.Globalization;
using Inertia.Rules;
using Inertia.Storage.Rules;
using Inertia.Web.Localization;

namespace Inertia.Web.Pages.Settings;

/// <summary>How the rules pages put a rule into words, and read the number of days a rule is run over.</summary>
internal static class RuleText
{
    /// <summary>How far back a rule is tried or applied unless the reader says otherwise.</summary>
    public const int DefaultDays = 30;

    public static string Scope(Rule rule, Translator t) => rule switch
    {
        { FeedId: not null } => t["Feed “{0}”", rule.ScopeTitle ?? ""],
        { FolderId: not null } => t["Folder “{0}”", rule.ScopeTitle ?? ""],
        _ => t["All feeds"],
    };

    /// <summary>What the rule does, as a phrase: "Mark read, star, label “x”".</summary>
    public static string Actions(Rule rule, Translator t)
    {
        var words = new List<string>();
        if (rule.Actions.HasFlag(RuleActions.MarkRead))
        {
            words.Add(t["mark read"]);
        }
        if (rule.Actions.HasFlag(RuleActions.Star))
        {
            words.Add(t["star"]);
        }
        if (rule.Actions.HasFlag(RuleActions.Hide))
        {
            words.Add(t["hide"]);
        }
        if (rule.Actions.HasFlag(RuleActions.Label))
        {
            words.Add(t["label “{0}”", rule.Label ?? ""]);
        }
        var text = string.Join(t[", "], words);
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>The search page showing what the rule's query matches, in the rule's folder or feed.</summary>
    public static string MatchesUrl(Rule rule) =>
        "/search?q=" + Uri.EscapeDataString(rule.Query) + rule switch
        {
            { FeedId: { } feed } => string.Create(CultureInfo.InvariantCulture, $"&in=feed:{feed}"),
            { FolderId: { } folder } => string.Create(CultureInfo.InvariantCulture, $"&in=folder:{folder}"),
            _ => "",
        };

    /// <summary>"the last 30 days", or "the last day".</summary>
    public static string LastDays(int days, Translator t) => days == 1 ? t["the last day"] : t["the last {0} days", days];

    /// <summary>The number of days a form asked for, when it is a whole number from 1 to <see cref="RuleRunner.MaxDays"/>.</summary>
    public static int? Days(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= RuleRunner.MaxDays ? days : null;

    public static string DaysProblem(Translator t) => t["Choose from 1 to {0} days.", RuleRunner.MaxDays];
}
