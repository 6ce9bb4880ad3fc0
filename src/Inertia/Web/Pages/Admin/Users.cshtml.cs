using Inertia.Accounts;
using Inertia.Storage.Accounts;
using Inertia.Web.Pages.Account;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Admin;

/// <summary>Administrators create, disable, enable and delete accounts. No one acts on their own account here, and the last active administrator stays.</summary>
internal sealed class UsersModel(UserStore users) : ReaderPageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    [BindProperty] public bool IsAdmin { get; set; }
    [BindProperty] public long UserId { get; set; }

    internal IReadOnlyList<User> Users { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (AccountForms.CheckNew(Username, Password, Confirm, T) is { } problem)
        {
            ModelState.AddModelError("", problem);
        }
        else if (await users.CreateAsync(Username!.Trim(), PasswordHashing.Hash(Password!), IsAdmin, Now, cancellationToken) is null)
        {
            ModelState.AddModelError("", T["The user name “{0}” is taken.", Username.Trim()]);
        }
        else
        {
            Flash(T["User {0} created.", Username.Trim()]);
            return RedirectToPage();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken) =>
        ChangeAsync(target => users.SetDisabledAsync(target.Id, true, cancellationToken), T["User disabled; their sessions ended."], cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken) =>
        ChangeAsync(target => users.SetDisabledAsync(target.Id, false, cancellationToken), T["User enabled."], cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken) =>
        ChangeAsync(target => users.DeleteAsync(target.Id, cancellationToken), T["User deleted."], cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<User, Task<bool>> change, string done, CancellationToken cancellationToken)
    {
        if (UserId == CurrentUser.Id || await users.GetAsync(UserId, cancellationToken) is not { } target)
        {
            return NotFound();
        }
        if (target is { IsAdmin: true, IsDisabled: false } && await users.CountActiveAdminsAsync(cancellationToken) <= 1)
        {
            Flash(T["The last active administrator cannot be disabled or deleted."]);
            return RedirectToPage();
        }
        await change(target);
        Flash(done);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await users.ListAsync(cancellationToken);
        await LoadSidebarAsync(null, cancellationToken);
    }
}
