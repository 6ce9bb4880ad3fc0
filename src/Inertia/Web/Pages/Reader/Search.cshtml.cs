using System.Globalization;
using Inertia.Search;
using Inertia.Storage.Entries;
using Inertia.Storage.Labels;
using Inertia.Storage.SavedSearches;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Reader;

/// <summary>
/// Search results: the reader's entries that match a query (docs/search.md), everywhere or within a folder or feed,
/// newest first, oldest first or by relevance, with what matched marked in titles and snippets. Without a query it
/// shows how to write one; a query that cannot be read is shown back with what is wrong with it.
/// </summary>
internal sealed class SearchModel(SearchStore search, SearchIndexer indexer, SubscriptionStore subscriptions, FolderStore folders, LabelStore labels, SavedSearchStore savedSearches) : ReaderPageModel
{
    [FromRoute] public long? SavedId { get; set; }
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "in")] public string? Within { get; set; }
    [FromQuery(Name = "order")] public string? OrderName { get; set; }
    [FromQuery] public string? After { get; set; }
    [FromQuery] public int? Offset { get; set; }
    [FromQuery(Name = "t")] public long? Shown { get; set; }
    [FromQuery] public string? Fragment { get; set; }

    /// <summary>The folder or feed searched, when the search is scoped to one.</summary>
    internal ListRef? Scope { get; private set; }

    internal string? ScopeTitle { get; private set; }

    internal SearchOrder Order { get; private set; }

    internal SearchQuery? Parsed { get; private set; }

    internal SearchResults? Results { get; private set; }

    internal SearchQueryException? Error { get; private set; }

    /// <summary>The reader's labels on the results.</summary>
    internal IReadOnlyDictionary<long, IReadOnlyList<string>> Labels { get; private set; } = new Dictionary<long, IReadOnlyList<string>>();

    /// <summary>The saved search shown (<c>/search/{id}</c>), or the saved search of the same query.</summary>
    internal SavedSearch? Saved { get; private set; }

    /// <summary>Whether entries stored before the index existed are still being indexed.</summary>
    internal bool Backfilling { get; private set; }

    internal long ShownAt { get; private set; }

    /// <summary>The list article links and "mark read" name: the scope, or All.</summary>
    internal ListRef List => Scope ?? new ListRef(EntryView.All);

    internal string? NextUrl => Results switch
    {
        { Next: { } next } => Address(Query, Within, Order, $"&after={next}&t={ShownAt.ToString(CultureInfo.InvariantCulture)}", SavedId),
        { NextOffset: { } offset } => Address(Query, Within, Order, $"&offset={offset.ToString(CultureInfo.InvariantCulture)}&t={ShownAt.ToString(CultureInfo.InvariantCulture)}", SavedId),
        _ => null,
    };

    /// <summary>The address of a search, or of a saved search (<paramref name="savedId"/>, whose query is its own).</summary>
    internal static string Address(string? query, string? within, SearchOrder order, string rest = "", long? savedId = null) =>
        (savedId is { } id ? string.Create(CultureInfo.InvariantCulture, $"/search/{id}?q=") : "/search?q=" + Uri.EscapeDataString(query ?? ""))
        + (within is { Length: > 0 } ? "&in=" + Uri.EscapeDataString(within) : "")
        + (order == SearchOrder.Newest ? "" : "&order=" + order.ToString().ToLowerInvariant())
        + rest;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = CurrentUser;
        var now = Now;
        ShownAt = Shown is { } shown && shown <= now.ToUnixTimeMilliseconds() ? shown : now.ToUnixTimeMilliseconds();
        Order = Enum.TryParse<SearchOrder>(OrderName, ignoreCase: true, out var order) && Enum.IsDefined(order) ? order : SearchOrder.Newest;
        if (ListRef.TryParse(Within, out var scope) && scope.View is EntryView.Folder or EntryView.Feed)
        {
            ScopeTitle = scope.View == EntryView.Feed
                ? (await subscriptions.FindAsync(user.Id, scope.Id!.Value, cancellationToken))?.Title
                : (await folders.GetAsync(user.Id, scope.Id!.Value, cancellationToken))?.Title;
            Scope = ScopeTitle is null ? null : scope;
        }
        Within = Scope?.ToString();
        if (SavedId is { } savedId)
        {
            Saved = await savedSearches.GetAsync(user.Id, savedId, cancellationToken);
            if (Saved is null)
            {
                return NotFound();
            }
            Query = Saved.Query;
        }
        Query = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim();
        if (Saved is null && Query is not null)
        {
            Saved = (await savedSearches.ListAsync(user.Id, cancellationToken)).FirstOrDefault(s => s.Query == Query);
        }
        if (Query is not null)
        {
            try
            {
                Parsed = SearchQuery.Parse(Query, now, user.Settings.Zone);
            }
            catch (SearchQueryException e)
            {
                Error = e;
            }
        }
        if (Parsed is not null)
        {
            var request = new SearchRequest(Parsed)
            {
                FeedId = Scope is { View: EntryView.Feed } feed ? feed.Id : null,
                FolderId = Scope is { View: EntryView.Folder } folder ? folder.Id : null,
                Order = Order,
                After = EntryCursor.TryParse(After, out var cursor) ? cursor : null,
                Offset = Math.Max(0, Offset ?? 0),
                Limit = user.Settings.EntriesPerPage,
            };
            Results = await search.SearchAsync(user.Id, request, cancellationToken);
            Labels = await labels.OfEntriesAsync(user.Id, Results.Hits.Select(h => h.Entry.EntryId).ToList(), cancellationToken);
            if (Fragment == "1")
            {
                if (NextUrl is { } next)
                {
                    Response.Headers["X-Next"] = next;
                }
                return Partial("_SearchHits", this);
            }
            Backfilling = await indexer.IsBackfillingAsync(cancellationToken);
        }
        await LoadSidebarAsync(Scope, cancellationToken, activeSearch: SavedId);
        return Page();
    }
}
