using System.Security.Claims;
using Inertia.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Inertia.Web.Security;

/// <summary>
/// Sessions are ASP.NET Core authentication cookies (HttpOnly, SameSite=Lax, Secure whenever the request came
/// over HTTPS, encrypted and signed with Data Protection). Each carries the user's id and security stamp;
/// every request checks both against the database, so a disabled account or a changed password ends every
/// session at once, and the page gets the current user (with settings) from that same read.
/// </summary>
internal static class SessionCookie
{
    public const string StampClaim = "inertia:stamp";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "inertia_session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/login";
        options.LogoutPath = "/logout";
        options.AccessDeniedPath = "/error";
        options.ReturnUrlParameter = "returnUrl";
        options.ExpireTimeSpan = Lifetime;
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = ValidateAsync;
        // Scripts asking for JSON get a status, not a sign-in page.
        options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        // A page someone may not see is, to them, a page that does not exist.
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        };
    }

    /// <summary>Signs <paramref name="user"/> in; <paramref name="remember"/> keeps the session across browser restarts.</summary>
    public static Task SignInAsync(HttpContext context, User user, bool remember)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, user.Username),
                new Claim(StampClaim, user.SecurityStamp),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        context.Items[typeof(User)] = user;
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = remember });
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var user = long.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? await context.HttpContext.RequestServices.GetRequiredService<UserStore>().GetAsync(id, context.HttpContext.RequestAborted)
            : null;
        if (user is null || user.IsDisabled || user.SecurityStamp != principal!.FindFirstValue(StampClaim))
        {
            context.RejectPrincipal();
            await SignOutAsync(context.HttpContext);
            return;
        }
        context.HttpContext.Items[typeof(User)] = user;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (Requests.WantsJson(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            // Relative, so that the address the reader used (behind a proxy, say) is kept.
            context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
