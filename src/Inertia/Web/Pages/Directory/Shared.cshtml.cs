using Inertia.Storage.Public;
using Inertia.Web.Public;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Directory;

/// <summary>An entry someone shared: open to whoever has the link, until the share is revoked.</summary>
[PublicCache(Revalidate = true)]
internal sealed class SharedModel(ShareStore shares, PublicFeedStore publicFeeds) : PublicPageModel
{
    [FromRoute] public string? Code { get; set; }

    internal PublicArticleView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await shares.ArticleAsync(Code ?? "", cancellationToken) is not { } entry)
        {
            return NotFound();
        }
        View = new PublicArticleView(entry, await publicFeeds.FeedAsync(entry.FeedId, cancellationToken), Shared: true, Zone);
        return Page();
    }
}
