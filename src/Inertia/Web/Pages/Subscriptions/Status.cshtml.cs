using Inertia.Storage.Entries;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Subscriptions;

/// <summary>A followed feed's page of facts and settings: its fetch state in plain words, "refresh now", title, folder, unsubscribe.</summary>
internal sealed class StatusModel(SubscriptionStore subscriptions, FolderStore folders) : ReaderPageModel
{
    [FromRoute] public long FeedId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public long? FolderId { get; set; }

    internal FeedStatus Status { get; private set; } = null!;
    internal IReadOnlyList<Folder> Folders { get; private set; } = [];

    /// <summary>The title the reader gave the feed, if any (the feed's own shows as the placeholder).</summary>
    internal string? CustomTitle => Status.Subscription.Title == Status.Feed.Title || Status.Subscription.Title == Status.Feed.Url ? null : Status.Subscription.Title;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await subscriptions.StatusAsync(CurrentUser.Id, FeedId, cancellationToken) is not { } status)
        {
            return NotFound();
        }
        Status = status;
        Folders = await folders.ListAsync(CurrentUser.Id, cancellationToken);
        await LoadSidebarAsync(new ListRef(EntryView.Feed, FeedId), cancellationToken, status.Subscription.FolderId);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await subscriptions.RenameAsync(CurrentUser.Id, FeedId, Title, cancellationToken)
            || !await subscriptions.MoveAsync(CurrentUser.Id, FeedId, FolderId, cancellationToken))
        {
            return NotFound();
        }
        Flash(T["Saved."]);
        return Redirect($"/feeds/{FeedId}/status");
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(CancellationToken cancellationToken)
    {
        if (!await subscriptions.UnsubscribeAsync(CurrentUser.Id, FeedId, cancellationToken))
        {
            return NotFound();
        }
        Flash(T["Unsubscribed."]);
        return Redirect("/subscriptions");
    }
}
