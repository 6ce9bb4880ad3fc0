using Inertia.Accounts;
using Inertia.Storage.Accounts;
using Inertia.Web.Localization;
using Inertia.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inertia.Web.Pages.Account;

/// <summary>Signing in, limited per client and per account; the same answer whether the name or the password was wrong.</summary>
internal sealed class LoginModel(UserStore users, SignInThrottle throttle, Translator t) : PageModel
{
    // Checked against when the name is unknown, so that a wrong name takes as long as a wrong password.
    private static readonly string DecoyHash = PasswordHashing.Hash(Guid.NewGuid().ToString());

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool Remember { get; set; } = true;
    [BindProperty] public string? TimeZone { get; set; }

    public IActionResult OnGet() => HttpContext.CurrentUser() is null ? Page() : Redirect(Requests.LocalOr(ReturnUrl, "/unread"));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = Username?.Trim() ?? "";
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!throttle.TryAttempt(client, name, out var retryAfter))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError("", t["Too many sign-in attempts. Try again in {0} seconds.", (int)Math.Ceiling(retryAfter.TotalSeconds)]);
            return Page();
        }
        var user = name.Length == 0 ? null : await users.FindAsync(name, cancellationToken);
        var hash = user is null ? null : await users.PasswordHashAsync(user.Id, cancellationToken);
        var matches = PasswordHashing.Verify(hash ?? DecoyHash, Password ?? "") && hash is not null;
        if (user is null || !matches || user.IsDisabled)
        {
            ModelState.AddModelError("", user?.IsDisabled == true && matches ? t["This account is disabled."] : t["The user name or the password is wrong."]);
            return Page();
        }
        if (user.Settings.TimeZone == "UTC" && AccountForms.KnownTimeZone(TimeZone) is { } zone && zone != "UTC")
        {
            // A time zone never chosen follows the browser's, so that "Today" starts at the reader's midnight.
            user = user with { Settings = user.Settings with { TimeZone = zone } };
            await users.SaveSettingsAsync(user.Id, user.Settings, cancellationToken);
        }
        await SessionCookie.SignInAsync(HttpContext, user, Remember);
        return Redirect(Requests.LocalOr(ReturnUrl, "/unread"));
    }
}
