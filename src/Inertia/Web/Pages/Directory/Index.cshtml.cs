using Inertia.FeedsOut;
using Inertia.Storage.Public;
using Inertia.Web.Public;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Directory;

/// <summary>The recommended-feeds directory: cards by category, filtered by category and language, searched by name.</summary>
[PublicCache]
internal sealed class IndexModel(DirectoryStore directory) : PublicPageModel
{
    [FromQuery(Name = "category")] public string? Category { get; set; }
    [FromQuery(Name = "language")] public string? Language { get; set; }
    [FromQuery(Name = "q")] public string? Query { get; set; }

    internal IReadOnlyList<DirectoryFeed> Sources { get; private set; } = [];
    internal IReadOnlyList<DirectoryFacet> Categories { get; private set; } = [];
    internal IReadOnlyList<DirectoryFacet> Languages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim();
        Sources = await directory.ListAsync(new DirectoryFilter(Category, Language, Query), Reader?.Id, cancellationToken);
        (Categories, Languages) = await directory.FacetsAsync(cancellationToken);
        if (Reader is not null)
        {
            await LoadSidebarAsync(null, cancellationToken);
        }
    }

    /// <summary>This page with one filter changed (null removes it), the others kept.</summary>
    internal string Link(string? category, string? language) => "/directory" + new DirectoryFilter(category, language, Query).ToQueryString();

    /// <summary>The directory's feed in <paramref name="format"/>, with this page's filters.</summary>
    internal string FeedLink(OutFormat format) => "/" + DirectoryOutFeed.Path(format, new DirectoryFilter(Category, Language, Query));
}
