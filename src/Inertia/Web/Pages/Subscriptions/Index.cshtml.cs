using Inertia.Fetching;
using Inertia.Icons;
using Inertia.Storage.Subscriptions;
using Inertia.Subscriptions;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Subscriptions;

/// <summary>Adding feeds (with a choice when a site offers several), and the folders and feeds the reader has.</summary>
internal sealed class IndexModel(SubscriptionService subscribing, SubscriptionStore subscriptions, FolderStore folders, IconRefresher icons) : ReaderPageModel
{
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Choice { get; set; }
    [BindProperty] public string? Folder { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public long? FolderId { get; set; }
    [BindProperty] public string? FolderTitle { get; set; }

    internal IReadOnlyList<DiscoveredFeed>? Choices { get; private set; }

    /// <summary>Every feed the reader follows, by title.</summary>
    internal IReadOnlyList<SubscriptionSummary> Feeds { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Address))
        {
            ModelState.AddModelError("", T["Give the address of a feed or of a website."]);
            return await PageAsync(cancellationToken);
        }
        var result = await subscribing.SubscribeAsync(CurrentUser.Id, (Choice ?? Address).Trim(), Folder, Title, cancellationToken);
        switch (result.Status)
        {
            case SubscribeStatus.Subscribed:
                icons.Wake();
                Flash(result.AlreadySubscribed
                    ? T["You already follow {0}.", result.Title ?? Address]
                    : result.NewEntries == 1
                        ? T["Subscribed to {0}: {1} new entry.", result.Title ?? Address, result.NewEntries]
                        : T["Subscribed to {0}: {1} new entries.", result.Title ?? Address, result.NewEntries]);
                return Redirect($"/feeds/{result.FeedId}");
            case SubscribeStatus.ChooseOne:
                Choices = result.Choices;
                return await PageAsync(cancellationToken);
            default:
                ModelState.AddModelError("", T["Could not subscribe: {0}", result.Message]);
                return await PageAsync(cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostCreateFolderAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(FolderTitle))
        {
            return RedirectToPage();
        }
        Flash(await folders.CreateAsync(CurrentUser.Id, FolderTitle, Now, cancellationToken) is null
            ? T["A folder called “{0}” exists already.", FolderTitle.Trim()]
            : T["Folder “{0}” created.", FolderTitle.Trim()]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameFolderAsync(CancellationToken cancellationToken)
    {
        if (FolderId is not { } id || string.IsNullOrWhiteSpace(FolderTitle))
        {
            return BadRequest();
        }
        if (await folders.GetAsync(CurrentUser.Id, id, cancellationToken) is null)
        {
            return NotFound();
        }
        if (!await folders.RenameAsync(CurrentUser.Id, id, FolderTitle, cancellationToken))
        {
            Flash(T["A folder called “{0}” exists already.", FolderTitle.Trim()]);
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteFolderAsync(CancellationToken cancellationToken)
    {
        if (FolderId is not { } id || !await folders.DeleteAsync(CurrentUser.Id, id, cancellationToken))
        {
            return NotFound();
        }
        Flash(T["Folder deleted; its feeds are now outside folders."]);
        return RedirectToPage();
    }

    private async Task<IActionResult> PageAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Feeds = await subscriptions.SummariesAsync(CurrentUser.Id, cancellationToken);
        await LoadSidebarAsync(null, cancellationToken);
    }
}
