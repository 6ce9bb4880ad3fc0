using Inertia.Rules;
using Inertia.Storage.Rules;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Settings;

/// <summary>
/// What a saved rule would change among the reader's entries of the last so many days (nothing written), and applying
/// it to them once the reader has seen that: the rules list's "Test" and "Apply…" both lead here.
/// </summary>
internal sealed class RuleTestModel(RuleStore rules, RuleRunner runner) : ReaderPageModel
{
    [FromRoute] public long RuleId { get; set; }

    [BindProperty(SupportsGet = true, Name = "days")] public string? DaysText { get; set; }

    internal Rule Rule { get; private set; } = null!;

    internal int Days { get; private set; } = RuleText.DefaultDays;

    /// <summary>What the rule would change; null when the days asked for cannot be read.</summary>
    internal RuleRun? Run { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await rules.GetAsync(CurrentUser.Id, RuleId, cancellationToken) is not { } rule)
        {
            return NotFound();
        }
        Rule = rule;
        if ((DaysText is null ? RuleText.DefaultDays : RuleText.Days(DaysText)) is { } days)
        {
            Days = days;
            Run = await runner.TryAsync(rule, days, Now, CurrentUser.Settings.Zone, cancellationToken);
        }
        else
        {
            ModelState.AddModelError("", RuleText.DaysProblem(T));
        }
        await LoadSidebarAsync(null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken)
    {
        if (await rules.GetAsync(CurrentUser.Id, RuleId, cancellationToken) is not { } rule)
        {
            return NotFound();
        }
        if (RuleText.Days(DaysText) is not { } days)
        {
            return BadRequest();
        }
        var run = await runner.ApplyAsync(rule, days, Now, CurrentUser.Settings.Zone, cancellationToken);
        var done = T["Applied “{0}” to the entries of {1}. Entries changed: {2}.", rule.Name, RuleText.LastDays(days, T), run.Changed];
        Flash(run.Failure is { } failure ? done + " " + T[failure] : done);
        return Redirect(RulesModel.At(rule.Id));
    }
}
