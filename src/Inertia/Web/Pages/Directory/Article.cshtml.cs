using Inertia.Storage.Public;
using Inertia.Web.Public;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Directory;

/// <summary>An entry of a public feed, open to everyone.</summary>
[PublicCache]
internal sealed class ArticleModel(PublicFeedStore publicFeeds) : PublicPageModel
{
    [FromRoute] public long Id { get; set; }

    internal PublicArticleView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await publicFeeds.ArticleAsync(Id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }
        View = new PublicArticleView(entry, await publicFeeds.FeedAsync(entry.FeedId, cancellationToken), Shared: false, Zone);
        return Page();
    }
}
