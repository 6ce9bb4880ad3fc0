using Inertia.Storage;
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
    internal string Link(string? category, string? language)
    {
        var query = new List<string>();
        if (category is { Length: > 0 })
        {
            query.Add("category=" + Uri.EscapeDataString(category));
        }
        if (language is { Length: > 0 })
        {
            query.Add("language=" + Uri.EscapeDataString(language));
        }
        if (Query is { Length: > 0 })
        {
            query.Add("q=" + Uri.EscapeDataString(Query));
        }
        return query.Count == 0 ? "/directory" : "/directory?" + string.Join('&', query);
    }
}
