using Inertia.Search;
using Inertia.Storage.Entries;
using Inertia.Web.Api.Miniflux.Json;

namespace Inertia.Web.Api.Miniflux;

/// <summary>Entries: filtered lists, one entry, read and unread in bulk, the star (Miniflux's bookmark).</summary>
internal static class EntryEndpoints
{
    /// <summary>The most entries one <c>PUT /v1/entries</c> may change.</summary>
    public const int MaxBulk = 10_000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/entries", (HttpContext context, EntryFilterStore entries, SearchStore search, TimeProvider time, CancellationToken token) => FindAsync(context, entries, search, time, new EntryFilter(), token))
            .Produces<EntryListJson>().WithSummary("Entries, filtered by status, starred, feed_id, category_id, after/before, after_entry_id/before_entry_id, search; ordered and paged");
        api.MapPut("/entries", SetStatusAsync).Body<EntriesStatusRequest>().Produces(StatusCodes.Status204NoContent)
            .WithSummary("Mark entries read or unread; ids that are not the caller's are ignored");
        api.MapGet("/entries/{id:long}", GetAsync).Produces<EntryJson>().WithSummary("One entry");
        api.MapPut("/entries/{id:long}/bookmark", ToggleAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Star an unstarred entry, unstar a starred one");
    }

    /// <summary>Answers a list request: the query's filters within <paramref name="scope"/> (a feed or a category).</summary>
    internal static async Task<IResult> FindAsync(HttpContext context, EntryFilterStore entries, SearchStore search, TimeProvider time, EntryFilter scope, CancellationToken token)
    {
        var user = ApiCaller.Required(context).User;
        var userId = user.Id;
        var (filter, text, error) = EntryFilterQuery.Parse(context.Request.Query);
        if (filter is null)
        {
            return ApiJson.BadRequest(error!);
        }
        if (text is not null)
        {
            SearchQuery query;
            try
            {
                query = SearchQuery.Parse(text, time.GetUtcNow(), user.Settings.Zone);
            }
            catch (SearchQueryException e)
            {
                return ApiJson.BadRequest("Invalid search: " + e.Message);
            }
            if (query.HasRegex)
            {
                // Pages here are counted and offset in the database, which cannot run the reader's regular expressions.
                return ApiJson.BadRequest("Invalid search: regular expressions (/…/) are not available in the API's search; use the reader's search page.");
            }
            filter = filter with { Search = await search.CompileAsync(userId, query, token) };
        }
        if (scope.FeedId is not null || scope.FolderId is not null || scope.Unfiled)
        {
            filter = filter with { FeedId = scope.FeedId ?? filter.FeedId, FolderId = scope.FolderId ?? (scope.Unfiled ? null : filter.FolderId), Unfiled = scope.Unfiled };
        }
        return ApiJson.Ok(ApiShapes.Entries(userId, await entries.FindAsync(userId, filter, token)));
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, EntryFilterStore entries, CancellationToken token)
    {
        var userId = ApiCaller.Required(context).User.Id;
        return await entries.GetAsync(userId, id, cancellationToken: token) is { } entry ? ApiJson.Ok(ApiShapes.Entry(userId, entry)) : ApiJson.NotFound();
    }

    private static async Task<IResult> SetStatusAsync(HttpContext context, EntryStore entries, TimeProvider time, CancellationToken token)
    {
        var (body, problem) = await ApiJson.ReadAsync<EntriesStatusRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }
        if (body!.EntryIds is not { Count: > 0 } ids)
        {
            return ApiJson.BadRequest("The list of entries cannot be empty.");
        }
        if (ids.Count > MaxBulk)
        {
            return ApiJson.BadRequest($"At most {MaxBulk} entries can be changed at once.");
        }
        if (body.Status is not ("read" or "unread"))
        {
            return ApiJson.BadRequest("Invalid entry status: use \"read\" or \"unread\".");
        }
        await entries.SetReadAsync(ApiCaller.Required(context).User.Id, ids.Distinct().ToList(), body.Status == "read", time.GetUtcNow(), token);
        return Results.NoContent();
    }

    private static async Task<IResult> ToggleAsync(long id, HttpContext context, EntryFilterStore entries, TimeProvider time, CancellationToken token) =>
        await entries.ToggleStarredAsync(ApiCaller.Required(context).User.Id, id, time.GetUtcNow(), token) ? Results.NoContent() : ApiJson.NotFound();
}
