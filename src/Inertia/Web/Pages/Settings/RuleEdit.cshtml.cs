using Inertia.Rules;
using Inertia.Search;
using Inertia.Storage.Entries;
using Inertia.Storage.Labels;
using Inertia.Storage.Rules;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Settings;

/// <summary>
/// Making a rule (<c>/settings/rules/new</c>, which takes a query and a scope to start from: <c>?q=…&amp;scope=feed:ID</c>)
/// or changing one (<c>/settings/rules/{id}</c>). Every problem is named and the form keeps what was typed; "Test" shows
/// what the rule as written would change, without saving it.
/// </summary>
internal sealed class RuleEditModel(RuleStore rules, RuleRunner runner, SubscriptionStore subscriptions) : ReaderPageModel
{
    [FromRoute] public long? RuleId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Query { get; set; }

    /// <summary>Where the rule applies: empty for all feeds, else "folder:ID" or "feed:ID" (<see cref="ListRef"/>).</summary>
    [BindProperty] public string? Scope { get; set; }

    [BindProperty] public bool KeepOnly { get; set; }
    [BindProperty] public bool MarkRead { get; set; }
    [BindProperty] public bool Star { get; set; }
    [BindProperty] public bool Hide { get; set; }
    [BindProperty] public bool AddLabel { get; set; }
    [BindProperty] public string? Label { get; set; }
    [BindProperty] public bool Enabled { get; set; }

    /// <summary>How far back "Test" looks, as typed.</summary>
    [BindProperty] public string? Days { get; set; }

    /// <summary>The rule being changed; null for a new one.</summary>
    internal Rule? Existing { get; private set; }

    internal IReadOnlyList<Folder> Folders { get; private set; } = [];

    internal IReadOnlyList<Subscription> Feeds { get; private set; } = [];

    internal SearchQueryException? QueryError { get; private set; }

    /// <summary>What the rule as written would change, and over how many days, once tested.</summary>
    internal (RuleRun Run, int Days)? Tested { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "q")] string? query, [FromQuery(Name = "scope")] string? scope, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Existing is { } rule)
        {
            (Name, Query, KeepOnly, Enabled) = (rule.Name, rule.Query, rule.KeepOnly, rule.Enabled);
            Scope = rule switch
            {
                { FeedId: { } feed } => new ListRef(EntryView.Feed, feed).ToString(),
                { FolderId: { } folder } => new ListRef(EntryView.Folder, folder).ToString(),
                _ => "",
            };
            (MarkRead, Star, Hide, AddLabel, Label) = (rule.Actions.HasFlag(RuleActions.MarkRead), rule.Actions.HasFlag(RuleActions.Star),
                rule.Actions.HasFlag(RuleActions.Hide), rule.Actions.HasFlag(RuleActions.Label), rule.Label);
        }
        else
        {
            (Query, Scope, Enabled) = (query, scope, true);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Draft(named: true) is not { } draft)
        {
            return Page();
        }
        var saved = Existing is { } rule
            ? await rules.UpdateAsync(CurrentUser.Id, rule.Id, draft, Now, cancellationToken) ? rule.Id : null
            : await rules.CreateAsync(CurrentUser.Id, draft, Now, cancellationToken);
        if (saved is not { } id)
        {
            // The store refuses a rule beyond the most a reader may have, and a feed or folder that stopped being the reader's meanwhile.
            ModelState.AddModelError("", Existing is null && (await rules.ListAsync(CurrentUser.Id, cancellationToken)).Count >= RuleStore.MaxRules
                ? T["You have {0} rules, the most there can be. Delete one to make another.", RuleStore.MaxRules]
                : ScopeProblem);
            return Page();
        }
        Flash(T["Rule “{0}” saved.", draft.Name]);
        return Redirect(RulesModel.At(id));
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        // A rule can be tried before it has a name.
        var draft = Draft(named: false);
        var days = RuleText.Days(Days);
        if (days is null)
        {
            ModelState.AddModelError("", RuleText.DaysProblem(T));
        }
        if (draft is not null && days is { } d)
        {
            Tested = (await runner.TryAsync(draft.ToRule(CurrentUser.Id), d, Now, CurrentUser.Settings.Zone, cancellationToken), d);
        }
        return Page();
    }

    private string ScopeProblem => T["Choose where the rule applies among your folders and feeds."];

    /// <summary>The rule the form describes; null, with every problem named, when it has any.</summary>
    private RuleDraft? Draft(bool named)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length > RuleStore.MaxNameLength || named && name.Length == 0)
        {
            ModelState.AddModelError("", T["A rule needs a name of 1 to {0} characters.", RuleStore.MaxNameLength]);
        }
        var query = Query?.Trim() ?? "";
        if (query.Length == 0)
        {
            ModelState.AddModelError("", T["Write the search that chooses the entries."]);
        }
        else
        {
            try
            {
                SearchQuery.Parse(query, Now, CurrentUser.Settings.Zone);
            }
            catch (SearchQueryException e)
            {
                QueryError = e;
                ModelState.AddModelError("", T[e.Template, e.Arguments.ToArray()]);
            }
        }
        long? feedId = null, folderId = null;
        if (!string.IsNullOrEmpty(Scope))
        {
            var known = ListRef.TryParse(Scope, out var scope);
            if (known && scope.View == EntryView.Feed && Feeds.Any(f => f.FeedId == scope.Id))
            {
                feedId = scope.Id;
            }
            else if (known && scope.View == EntryView.Folder && Folders.Any(f => f.Id == scope.Id))
            {
                folderId = scope.Id;
            }
            else
            {
                ModelState.AddModelError("", ScopeProblem);
            }
        }
        if (!MarkRead && !Star && !Hide && !AddLabel)
        {
            ModelState.AddModelError("", T["Choose at least one thing for the rule to do."]);
        }
        string? label = null;
        if (AddLabel && !LabelName.TryNormalize(Label, out label))
        {
            ModelState.AddModelError("", T["A label has 1 to {0} characters, without / or \".", LabelName.MaxLength]);
        }
        return ModelState.IsValid
            ? new RuleDraft(name, query)
            {
                FeedId = feedId,
                FolderId = folderId,
                KeepOnly = KeepOnly,
                Actions = RuleStore.ActionsOf(MarkRead, Star, Hide, label),
                Label = label,
                Enabled = Enabled,
            }
            : null;
    }

    /// <summary>Loads the rule being changed (false when the reader has no such rule), the reader's folders and feeds, and the sidebar.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (RuleId is { } id && (Existing = await rules.GetAsync(CurrentUser.Id, id, cancellationToken)) is null)
        {
            return false;
        }
        await LoadSidebarAsync(null, cancellationToken);
        Folders = SidebarView.Sidebar.Folders.Select(f => f.Folder).ToList();
        Feeds = (await subscriptions.ListAsync(CurrentUser.Id, cancellationToken)).OrderBy(s => s.Title, StringComparer.OrdinalIgnoreCase).ToList();
        return true;
    }
}
