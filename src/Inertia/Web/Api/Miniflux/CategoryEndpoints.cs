using Inertia.Refresh;
using Inertia.Search;
using Inertia.Storage.Entries;
using Inertia.Storage.Rules;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Api.Miniflux.Json;

namespace Inertia.Web.Api.Miniflux;

/// <summary>
/// Categories are Inertia's folders; the feeds outside folders form category 0, "Uncategorized", which can
/// be listed and read but not renamed or deleted. Deleting a category moves its feeds out of folders (Miniflux
/// would delete them).
/// </summary>
internal static class CategoryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/categories", ListAsync).Produces<List<CategoryJson>>().WithSummary("The caller's categories (folders, and 0 for feeds outside folders)");
        api.MapPost("/categories", CreateAsync).Body<CategoryRequest>().Produces<CategoryJson>(StatusCodes.Status201Created).WithSummary("Create a category");
        api.MapPut("/categories/{id:long}", RenameAsync).Body<CategoryRequest>().Produces<CategoryJson>(StatusCodes.Status201Created).WithSummary("Rename a category");
        api.MapDelete("/categories/{id:long}", DeleteAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Delete a category; its feeds move out of folders");
        api.MapGet("/categories/{id:long}/feeds", FeedsAsync).Produces<List<FeedJson>>().WithSummary("A category's feeds");
        api.MapGet("/categories/{id:long}/entries", EntriesAsync).Produces<EntryListJson>().WithSummary("A category's entries (same filters as /v1/entries)");
        api.MapGet("/categories/{id:long}/entries/{entryId:long}", EntryAsync).Produces<EntryJson>().WithSummary("One entry of a category");
        api.MapPut("/categories/{id:long}/mark-all-as-read", MarkReadAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Mark a category's entries read");
        api.MapPut("/categories/{id:long}/refresh", RefreshAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Refresh a category's feeds now");
    }

    /// <summary>The entries of category <paramref name="id"/> as a filter, or null when the caller has no such category.</summary>
    internal static async Task<EntryFilter?> ScopeAsync(long userId, long id, FolderStore folders, CancellationToken token) =>
        id == ApiShapes.UnfiledId ? new EntryFilter { Unfiled = true }
        : await folders.GetAsync(userId, id, token) is not null ? new EntryFilter { FolderId = id }
        : null;

    private static async Task<IResult> ListAsync(HttpContext context, FolderStore folders, SubscriptionStore subscriptions, CancellationToken token)
    {
        var userId = ApiCaller.Required(context).User.Id;
        var list = await folders.ListAsync(userId, token);
        var categories = list.Select(f => new CategoryJson(f.Id, f.Title, userId)).Prepend(ApiShapes.Category(userId, null, null)).ToList();
        if (context.Request.Query["counts"] is var counts && (counts == "true" || counts == "1"))
        {
            var byFolder = (await subscriptions.CountsByFolderAsync(userId, token)).ToDictionary(c => c.FolderId ?? ApiShapes.UnfiledId);
            categories = categories.Select(c => c with
            {
                FeedCount = byFolder.TryGetValue(c.Id, out var n) ? n.Feeds : 0,
                TotalUnread = byFolder.TryGetValue(c.Id, out var u) ? u.Unread : 0,
            }).ToList();
        }
        return ApiJson.Ok(categories);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, FolderStore folders, TimeProvider time, CancellationToken token)
    {
        var userId = ApiCaller.Required(context).User.Id;
        var (body, problem) = await ApiJson.ReadAsync<CategoryRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }
        if (TitleProblem(body!.Title) is { } bad)
        {
            return ApiJson.BadRequest(bad);
        }
        return await folders.CreateAsync(userId, body.Title!, time.GetUtcNow(), token) is { } id
            ? ApiJson.Ok(new CategoryJson(id, body.Title!.Trim(), userId), StatusCodes.Status201Created)
            : ApiJson.BadRequest("This category already exists.");
    }

    private static async Task<IResult> RenameAsync(long id, HttpContext context, FolderStore folders, CancellationToken token)
    {
        var userId = ApiCaller.Required(context).User.Id;
        if (await folders.GetAsync(userId, id, token) is null)
        {
            return id == ApiShapes.UnfiledId ? ApiJson.BadRequest("The category of feeds outside folders cannot be renamed.") : ApiJson.NotFound();
        }
        var (body, problem) = await ApiJson.ReadAsync<CategoryRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }
        if (TitleProblem(body!.Title) is { } bad)
        {
            return ApiJson.BadRequest(bad);
        }
        return await folders.RenameAsync(userId, id, body.Title!, token)
            ? ApiJson.Ok(new CategoryJson(id, body.Title!.Trim(), userId), StatusCodes.Status201Created)
            : ApiJson.BadRequest("This category already exists.");
    }

    private static async Task<IResult> DeleteAsync(long id, HttpContext context, FolderStore folders, CancellationToken token)
    {
        if (id == ApiShapes.UnfiledId)
        {
            return ApiJson.BadRequest("The category of feeds outside folders cannot be deleted.");
        }
        return await folders.DeleteAsync(ApiCaller.Required(context).User.Id, id, token) ? Results.NoContent() : ApiJson.NotFound();
    }

    private static async Task<IResult> FeedsAsync(long id, HttpContext context, FolderStore folders, SubscribedFeedStore feeds, RuleStore rules, CancellationToken token)
    {
        var userId = ApiCaller.Required(context).User.Id;
        if (await ScopeAsync(userId, id, folders, token) is not { } scope)
        {
            return ApiJson.NotFound();
        }
        var list = await feeds.ListAsync(userId, scope.FolderId, scope.Unfiled, token);
        var fields = await rules.MinifluxRulesAsync(userId, list.Select(f => f.FeedId).ToList(), token);
        return ApiJson.Ok(list.Select(f => FeedRuleFields.With(ApiShapes.Feed(userId, f), fields.GetValueOrDefault(f.FeedId) ?? [])).ToList());
    }

    private static async Task<IResult> EntriesAsync(long id, HttpContext context, FolderStore folders, EntryFilterStore entries, SearchStore search, TimeProvider time, CancellationToken token)
    {
        var userId = ApiCaller.Required(context).User.Id;
        if (await ScopeAsync(userId, id, folders, token) is not { } scope)
        {
            return ApiJson.NotFound();
        }
        return await EntryEndpoints.FindAsync(context, entries, search, time, scope, token);
    }

    private static async Task<IResult> EntryAsync(long id, long entryId, HttpContext context, FolderStore folders, EntryFilterStore entries, CancellationToken token)
    {
        var userId = ApiCaller.Required(context).User.Id;
        return await ScopeAsync(userId, id, folders, token) is { } scope && await entries.GetAsync(userId, entryId, scope, token) is { } entry
            ? ApiJson.Ok(ApiShapes.Entry(userId, entry))
            : ApiJson.NotFound();
    }

    private static async Task<IResult> MarkReadAsync(long id, HttpContext context, FolderStore folders, EntryFilterStore entries, TimeProvider time, CancellationToken token)
    {
        var userId = ApiCaller.Required(context).User.Id;
        if (await ScopeAsync(userId, id, folders, token) is not { } scope)
        {
            return ApiJson.NotFound();
        }
        await entries.MarkReadAsync(userId, scope, time.GetUtcNow(), token);
        return Results.NoContent();
    }

    private static async Task<IResult> RefreshAsync(long id, HttpContext context, FolderStore folders, SubscribedFeedStore feeds, RefreshRunner runner, CancellationToken token)
    {
        var userId = ApiCaller.Required(context).User.Id;
        if (await ScopeAsync(userId, id, folders, token) is not { } scope)
        {
            return ApiJson.NotFound();
        }
        var ids = (await feeds.ListAsync(userId, scope.FolderId, scope.Unfiled, token)).Select(f => f.FeedId).ToList();
        await runner.RunNowAsync(ids, null, token);
        return Results.NoContent();
    }

    private static string? TitleProblem(string? title) =>
        string.IsNullOrWhiteSpace(title) ? "The title is mandatory."
        : title.Trim().Length > 200 ? "The title has at most 200 characters."
        : null;
}
