using Inertia.Storage.Entries;
using Inertia.Storage.Public;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Public;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Directory;

/// <summary>A public feed's page: what it is, how many follow it, and its entries, newest first, page by page.</summary>
[PublicCache]
internal sealed class FeedModel(PublicFeedStore publicFeeds, SubscriptionStore subscriptions) : PublicPageModel
{
    public const int PageSize = 30;

    [FromRoute] public long Id { get; set; }
    [FromQuery(Name = "after")] public string? After { get; set; }

    internal PublicFeed Feed { get; private set; } = null!;
    internal PublicEntryPage Entries { get; private set; } = null!;
    internal bool IsSubscribed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await publicFeeds.FeedAsync(Id, cancellationToken) is not { } feed)
        {
            return NotFound();
        }
        Feed = feed;
        Entries = await publicFeeds.EntriesAsync(Id, EntryCursor.TryParse(After, out var after) ? after : null, PageSize, cancellationToken);
        IsSubscribed = Reader is { } reader && await subscriptions.FindAsync(reader.Id, Id, cancellationToken) is not null;
        return Page();
    }
}
