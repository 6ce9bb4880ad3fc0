using Inertia.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inertia.Web.Pages.Account;

/// <summary>Signing out: a POST (with its anti-forgery token), so that no other site can sign a reader out.</summary>
internal sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/unread");

    public async Task<IActionResult> OnPostAsync()
    {
        await SessionCookie.SignOutAsync(HttpContext);
        return Redirect("/login");
    }
}
