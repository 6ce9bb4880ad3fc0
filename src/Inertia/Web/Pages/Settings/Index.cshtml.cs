using Inertia.Accounts;
using Inertia.Storage.Accounts;
using Inertia.Web.Localization;
using Inertia.Web.Pages.Account;
using Inertia.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Settings;

/// <summary>The reader's own settings and password. Changing the password ends the reader's other sessions.</summary>
internal sealed class IndexModel(UserStore users) : ReaderPageModel
{
    [BindProperty] public string? Language { get; set; }
    [BindProperty] public Theme Theme { get; set; }
    [BindProperty] public int EntriesPerPage { get; set; }
    [BindProperty] public bool OldestFirst { get; set; }
    [BindProperty] public MarkReadOn MarkReadOn { get; set; }
    [BindProperty] public bool ShowRead { get; set; }
    [BindProperty] public string? TimeZone { get; set; }
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    internal static IEnumerable<string> TimeZones => TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Append("UTC").Distinct().Order(StringComparer.Ordinal);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadSidebarAsync(null, cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var settings = new UserSettings
        {
            Language = UiLanguage.Find(Language)?.Code,
            Theme = Enum.IsDefined(Theme) ? Theme : Theme.System,
            EntriesPerPage = Math.Clamp(EntriesPerPage, UserSettings.MinEntriesPerPage, UserSettings.MaxEntriesPerPage),
            OldestFirst = OldestFirst,
            MarkReadOn = Enum.IsDefined(MarkReadOn) ? MarkReadOn : MarkReadOn.Open,
            ShowRead = ShowRead,
            TimeZone = AccountForms.KnownTimeZone(TimeZone) ?? CurrentUser.Settings.TimeZone,
        };
        await users.SaveSettingsAsync(CurrentUser.Id, settings, cancellationToken);
        // The message is in the language just chosen.
        var t = new Translator(UiLanguage.Find(settings.Language) ?? T.Language);
        Flash(t["Settings saved."]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken)
    {
        var user = CurrentUser;
        var hash = await users.PasswordHashAsync(user.Id, cancellationToken);
        if (hash is null || !PasswordHashing.Verify(hash, CurrentPassword ?? ""))
        {
            ModelState.AddModelError("", T["The current password is wrong."]);
        }
        else if (AccountForms.CheckPassword(NewPassword, ConfirmPassword, T) is { } problem)
        {
            ModelState.AddModelError("", problem);
        }
        else
        {
            var stamp = await users.SetPasswordAsync(user.Id, PasswordHashing.Hash(NewPassword!), cancellationToken);
            // This session goes on with the new stamp; every other one ends.
            await SessionCookie.SignInAsync(HttpContext, user with { SecurityStamp = stamp! }, remember: true);
            Flash(T["Password changed. Your other sessions are signed out."]);
            return RedirectToPage();
        }
        await LoadSidebarAsync(null, cancellationToken);
        return Page();
    }
}
