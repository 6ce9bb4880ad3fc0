using Inertia.Storage.Subscriptions;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Reader;

/// <summary>The feeds of a closed sidebar folder, as list items, for the page's script to show when the folder is opened.</summary>
internal sealed class SidebarFolderModel(SubscriptionStore subscriptions, FolderStore folders) : ReaderPageModel
{
    [FromRoute] public long FolderId { get; set; }

    internal IReadOnlyList<SubscriptionSummary> Feeds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await folders.GetAsync(CurrentUser.Id, FolderId, cancellationToken) is null)
        {
            return NotFound();
        }
        Feeds = await subscriptions.SummariesAsync(CurrentUser.Id, unfiled: false, FolderId, cancellationToken);
        return Page();
    }
}
