using System.Globalization;
using Inertia.Storage.Rules;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Settings;

/// <summary>
/// The reader's rules in the order they run (docs/rules.md): each with what it looks for, where and what it does, and
/// ways to edit, reorder, switch off, delete, test and apply it. Editing is <see cref="RuleEditModel"/>, testing and
/// applying <see cref="RuleTestModel"/>.
/// </summary>
internal sealed class RulesModel(RuleStore rules) : ReaderPageModel
{
    [BindProperty] public long RuleId { get; set; }
    [BindProperty] public bool Earlier { get; set; }

    internal IReadOnlyList<Rule> Rules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rules = await rules.ListAsync(CurrentUser.Id, cancellationToken);
        await LoadSidebarAsync(null, cancellationToken);
    }

    public Task<IActionResult> OnPostMoveAsync(CancellationToken cancellationToken) =>
        ChangeAsync(rule => rules.MoveAsync(CurrentUser.Id, rule.Id, Earlier, cancellationToken), null, cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        ChangeAsync(rule => rules.SetEnabledAsync(CurrentUser.Id, rule.Id, true, Now, cancellationToken), rule => T["Rule “{0}” enabled.", rule.Name], cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        ChangeAsync(rule => rules.SetEnabledAsync(CurrentUser.Id, rule.Id, false, Now, cancellationToken), rule => T["Rule “{0}” disabled.", rule.Name], cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (await rules.GetAsync(CurrentUser.Id, RuleId, cancellationToken) is not { } rule || !await rules.DeleteAsync(CurrentUser.Id, rule.Id, cancellationToken))
        {
            return NotFound();
        }
        Flash(T["Rule “{0}” deleted.", rule.Name]);
        return RedirectToPage();
    }

    /// <summary>The rules page at a rule's row, so that a reader working down a long list stays where they were.</summary>
    internal static string At(long ruleId) => string.Create(CultureInfo.InvariantCulture, $"/settings/rules#rule-{ruleId}");

    private async Task<IActionResult> ChangeAsync(Func<Rule, Task<bool>> change, Func<Rule, string>? done, CancellationToken cancellationToken)
    {
        if (await rules.GetAsync(CurrentUser.Id, RuleId, cancellationToken) is not { } rule)
        {
            return NotFound();
        }
        // A move past either end changes nothing, and neither does a change to a rule deleted meanwhile: the list shows how things stand.
        await change(rule);
        if (done is not null)
        {
            Flash(done(rule));
        }
        return Redirect(At(rule.Id));
    }
}
