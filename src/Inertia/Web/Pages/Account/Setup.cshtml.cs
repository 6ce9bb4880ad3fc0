using Inertia.Accounts;
using Inertia.Storage.Accounts;
using Inertia.Web.Localization;
using Inertia.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inertia.Web.Pages.Account;

/// <summary>The first-run page: creates the first account, an administrator, and signs it in. Gone once any account exists.</summary>
internal sealed class SetupModel(UserStore users, FirstRun firstRun, Translator t, TimeProvider time) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    [BindProperty] public string? Language { get; set; }
    [BindProperty] public string? TimeZone { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await firstRun.HasUsersAsync(cancellationToken) ? Redirect("/login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await firstRun.HasUsersAsync(cancellationToken))
        {
            return Redirect("/login");
        }
        if (AccountForms.CheckNew(Username, Password, Confirm, t) is { } problem)
        {
            ModelState.AddModelError("", problem);
            return Page();
        }
        var settings = new UserSettings
        {
            Language = UiLanguage.Find(Language)?.Code,
            TimeZone = AccountForms.KnownTimeZone(TimeZone) ?? "UTC",
        };
        var user = await users.CreateAsync(Username!.Trim(), PasswordHashing.Hash(Password!), isAdmin: true, settings, time.GetUtcNow(), cancellationToken);
        if (user is null)
        {
            // Someone else finished the set-up a moment ago.
            return Redirect("/login");
        }
        firstRun.Completed();
        await SessionCookie.SignInAsync(HttpContext, user, remember: true);
        return Redirect("/subscriptions");
    }
}
