using Inertia.Storage.Public;

namespace Inertia.Web.Pages.Settings;

/// <summary>The reader's share links, each with its article and a way to revoke it.</summary>
internal sealed class SharesModel(ShareStore shares) : ReaderPageModel
{
    internal IReadOnlyList<Share> Shares { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Shares = await shares.ListAsync(CurrentUser.Id, cancellationToken);
        await LoadSidebarAsync(null, cancellationToken);
    }
}
