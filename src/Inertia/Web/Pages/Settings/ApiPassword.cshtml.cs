using Inertia.Accounts;
using Inertia.Storage.Accounts;
using Inertia.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Settings;

/// <summary>
/// The API password apps sign in with (Google Reader and Fever), set here or made at random and shown once.
/// Setting it asks for the account password, and ends the tokens apps hold from the previous one.
/// </summary>
internal sealed class ApiPasswordModel(UserStore users, ApiCredentialStore credentials) : ReaderPageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    /// <summary>Whether the user has an API password.</summary>
    public bool HasApiPassword { get; private set; }

    /// <summary>A password just made at random, shown this once.</summary>
    public string? Generated { get; private set; }

    /// <summary>This server's address as the browser reached it, for the app addresses shown.</summary>
    public string Origin => $"{Request.Scheme}://{Request.Host}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostSetAsync(CancellationToken cancellationToken) =>
        SaveAsync(AccountForms.CheckPassword(NewPassword, ConfirmPassword, T), NewPassword, cancellationToken);

    public Task<IActionResult> OnPostGenerateAsync(CancellationToken cancellationToken) =>
        SaveAsync(null, AccountRules.GeneratePassword(), cancellationToken);

    private async Task<IActionResult> SaveAsync(string? problem, string? password, CancellationToken cancellationToken)
    {
        var user = CurrentUser;
        var hash = await users.PasswordHashAsync(user.Id, cancellationToken);
        if (hash is null || !PasswordHashing.Verify(hash, CurrentPassword ?? ""))
        {
            ModelState.AddModelError("", T["The current password is wrong."]);
        }
        else if (problem is not null)
        {
            ModelState.AddModelError("", problem);
        }
        else
        {
            await credentials.SetAsync(user.Id, ApiPassword.For(user.Username, password!), cancellationToken);
            if (NewPassword is null)
            {
                // Shown in this answer only: it is stored hashed and cannot be shown again.
                Generated = password;
                await LoadAsync(cancellationToken);
                return Page();
            }
            Flash(T["API password saved. Apps signed in with the previous one must sign in again."]);
            return RedirectToPage();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        HasApiPassword = await credentials.HasAsync(CurrentUser.Id, cancellationToken);
        await LoadSidebarAsync(null, cancellationToken);
    }
}
