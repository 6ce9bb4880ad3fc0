using Inertia.Storage.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Settings;

/// <summary>The reader's API tokens for apps (docs/api.md): created with a description, shown once, revoked here.</summary>
internal sealed class ApiTokensModel(ApiTokenStore tokens) : ReaderPageModel
{
    private const int MaxDescription = 100;

    [BindProperty] public string? Description { get; set; }
    [BindProperty] public long TokenId { get; set; }

    internal IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The token just created, shown on this answer only: it is stored nowhere but as a hash.</summary>
    internal string? NewSecret { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var description = Description?.Trim() ?? "";
        if (description.Length == 0 || description.Length > MaxDescription)
        {
            ModelState.AddModelError("", T["Describe the token in 1 to {0} characters.", MaxDescription]);
        }
        else
        {
            (_, NewSecret) = await tokens.CreateAsync(CurrentUser.Id, description, Now, cancellationToken);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        if (!await tokens.DeleteAsync(CurrentUser.Id, TokenId, cancellationToken))
        {
            return NotFound();
        }
        Flash(T["Token revoked."]);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tokens = await tokens.ListAsync(CurrentUser.Id, cancellationToken);
        await LoadSidebarAsync(null, cancellationToken);
    }
}
