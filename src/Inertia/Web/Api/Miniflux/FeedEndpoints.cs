using System.Globalization;
using Inertia.Feeds;
using Inertia.Fetching;
using Inertia.Refresh;
using Inertia.Rules;
using Inertia.Search;
using Inertia.Storage.Entries;
using Inertia.Storage.Feeds;
using Inertia.Storage.Rules;
using Inertia.Storage.Subscriptions;
using Inertia.Subscriptions;
using Inertia.Web.Api.Miniflux.Json;

namespace Inertia.Web.Api.Miniflux;

/// <summary>Feeds: the caller's subscriptions, by feed id. Another user's feed, or one the caller does not follow, is 404.</summary>
internal static class FeedEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/feeds", ListAsync).Produces<List<FeedJson>>().WithSummary("The caller's feeds");
        api.MapPost("/feeds", CreateAsync).Body<FeedCreationRequest>().Produces<FeedCreatedJson>(StatusCodes.Status201Created)
            .WithSummary("Subscribe to a feed, from its address or from a page that links to exactly one feed");
        api.MapGet("/feeds/counters", CountersAsync).Produces<FeedCountersJson>().WithSummary("Read and unread entries per feed");
        api.MapPut("/feeds/refresh", RefreshAllAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Make every feed of the caller due for the next refresh round");
        api.MapGet("/feeds/{id:long}", GetAsync).Produces<FeedJson>().WithSummary("One feed");
        api.MapPut("/feeds/{id:long}", UpdateAsync).Body<FeedModificationRequest>().Produces<FeedJson>(StatusCodes.Status201Created)
            .WithSummary("Change a feed's title or category");
        api.MapDelete("/feeds/{id:long}", DeleteAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Unsubscribe");
        api.MapPut("/feeds/{id:long}/refresh", RefreshAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Refresh a feed now");
        api.MapGet("/feeds/{id:long}/icon", IconAsync).Produces<IconJson>().WithSummary("A feed's icon");
        api.MapGet("/icons/{id:long}", IconAsync).Produces<IconJson>().WithSummary("An icon by id (in Inertia, its feed's id)");
        api.MapPut("/feeds/{id:long}/mark-all-as-read", MarkReadAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Mark a feed's entries read");
        api.MapGet("/feeds/{id:long}/entries", EntriesAsync).Produces<EntryListJson>().WithSummary("A feed's entries (same filters as /v1/entries)");
        api.MapGet("/feeds/{id:long}/entries/{entryId:long}", EntryAsync).Produces<EntryJson>().WithSummary("One entry of a feed");
        api.MapPost("/discover", DiscoverAsync).Body<DiscoverRequest>().Produces<List<DiscoveredJson>>().WithSummary("The feeds an address offers");
    }

    private static async Task<IResult> ListAsync(HttpContext context, SubscribedFeedStore feeds, RuleStore rules, CancellationToken token)
    {
        var userId = ApiCaller.Required(context).User.Id;
        var list = await feeds.ListAsync(userId, cancellationToken: token);
        var fields = await rules.MinifluxRulesAsync(userId, list.Select(f => f.FeedId).ToList(), token);
        return ApiJson.Ok(list.Select(f => FeedRuleFields.With(ApiShapes.Feed(userId, f), fields.GetValueOrDefault(f.FeedId) ?? [])).ToList());
    }

    private static async Task<IResult> GetAsync(long id, HttpContext context, SubscribedFeedStore feeds, RuleStore rules, CancellationToken token) =>
        await FeedAsync(ApiCaller.Required(context).User.Id, id, feeds, rules, StatusCodes.Status200OK, token);

    /// <summary>One of the caller's feeds as Miniflux shows it, its block and keep lists included; 404 when the caller does not follow it.</summary>
    private static async Task<IResult> FeedAsync(long userId, long id, SubscribedFeedStore feeds, RuleStore rules, int status, CancellationToken token)
    {
        if (await feeds.GetAsync(userId, id, token) is not { } feed)
        {
            return ApiJson.NotFound();
        }
        var fields = await rules.MinifluxRulesAsync(userId, [id], token);
        return ApiJson.Ok(FeedRuleFields.With(ApiShapes.Feed(userId, feed), fields.GetValueOrDefault(id) ?? []), status);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, FolderStore folders, SubscriptionService subscribing, RuleStore rules, RuleRunner runner, TimeProvider time, CancellationToken token)
    {
        var user = ApiCaller.Required(context).User;
        var userId = user.Id;
        var (body, problem) = await ApiJson.ReadAsync<FeedCreationRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }
        if (string.IsNullOrWhiteSpace(body!.FeedUrl))
        {
            return ApiJson.BadRequest("The feed URL is required.");
        }
        if (FeedRuleFields.Check(body.BlocklistRules, body.KeeplistRules) is { } badRules)
        {
            return badRules;
        }
        string? folder = null;
        if (body.CategoryId is > 0 and var categoryId)
        {
            if (await folders.GetAsync(userId, categoryId, token) is not { } found)
            {
                return ApiJson.BadRequest("This category does not exist or does not belong to this user.");
            }
            folder = found.Title;
        }
        var result = await subscribing.SubscribeAsync(userId, body.FeedUrl.Trim(), folder, null, token);
        if (result is { Status: SubscribeStatus.Subscribed, AlreadySubscribed: false, FeedId: { } subscribed })
        {
            await FeedRuleFields.SaveAsync(rules, userId, subscribed, body.BlocklistRules, body.KeeplistRules, time.GetUtcNow(), token);
            await FeedRuleFields.ApplyToFirstEntriesAsync(rules, runner, userId, subscribed, time.GetUtcNow(), user.Settings.Zone, token);
        }
        return result switch
        {
            { Status: SubscribeStatus.Subscribed, AlreadySubscribed: true } => ApiJson.BadRequest("This feed already exists."),
            { Status: SubscribeStatus.Subscribed, FeedId: { } feedId } => ApiJson.Ok(new FeedCreatedJson(feedId), StatusCodes.Status201Created),
            { Status: SubscribeStatus.ChooseOne } => ApiJson.BadRequest(result.Message + " " + string.Join(" ", result.Choices!.Select(c => c.Url.AbsoluteUri))),
            _ => ApiJson.BadRequest(result.Message ?? "No feed could be subscribed to at this address."),
        };
    }

    private static async Task<IResult> UpdateAsync(long id, HttpContext context, SubscribedFeedStore feeds, SubscriptionStore subscriptions, FolderStore folders, RuleStore rules, TimeProvider time, CancellationToken token)
    {
        var userId = ApiCaller.Required(context).User.Id;
        if (await feeds.GetAsync(userId, id, token) is null)
        {
            return ApiJson.NotFound();
        }
        var (body, problem) = await ApiJson.ReadAsync<FeedModificationRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }
        if (FeedRuleFields.Check(body!.BlocklistRules, body.KeeplistRules) is { } badRules)
        {
            return badRules;
        }
        if (body.CategoryId is { } categoryId)
        {
            if (categoryId < 0 || (categoryId > 0 && await folders.GetAsync(userId, categoryId, token) is null))
            {
                return ApiJson.BadRequest("This category does not exist or does not belong to this user.");
            }
            await subscriptions.MoveAsync(userId, id, categoryId == ApiShapes.UnfiledId ? null : categoryId, token);
        }
        // As in Miniflux, an empty title leaves the title as it is.
        if (!string.IsNullOrWhiteSpace(body.Title))
        {
            await subscriptions.RenameAsync(userId, id, body.Title, token);
        }
        await FeedRuleFields.SaveAsync(rules, userId, id, body.BlocklistRules, body.KeeplistRules, time.GetUtcNow(), token);
        return await FeedAsync(userId, id, feeds, rules, StatusCodes.Status201Created, token);
    }

    private static async Task<IResult> DeleteAsync(long id, HttpContext context, SubscriptionStore subscriptions, CancellationToken token) =>
        await subscriptions.UnsubscribeAsync(ApiCaller.Required(context).User.Id, id, token) ? Results.NoContent() : ApiJson.NotFound();

    private static async Task<IResult> RefreshAsync(long id, HttpContext context, SubscribedFeedStore feeds, RefreshRunner runner, CancellationToken token)
    {
        if (await feeds.GetAsync(ApiCaller.Required(context).User.Id, id, token) is null)
        {
            return ApiJson.NotFound();
        }
        await runner.RunNowAsync([id], null, token);
        return Results.NoContent();
    }

    private static async Task<IResult> RefreshAllAsync(HttpContext context, SubscriptionStore subscriptions, TimeProvider time, CancellationToken token)
    {
        await subscriptions.MakeDueAsync(ApiCaller.Required(context).User.Id, time.GetUtcNow(), token);
        return Results.NoContent();
    }

    private static async Task<IResult> CountersAsync(HttpContext context, SubscribedFeedStore feeds, CancellationToken token)
    {
        var counters = await feeds.CountersAsync(ApiCaller.Required(context).User.Id, token);
        static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
        return ApiJson.Ok(new FeedCountersJson(counters.ToDictionary(c => Key(c.FeedId), c => c.Read), counters.ToDictionary(c => Key(c.FeedId), c => c.Unread)));
    }

    private static async Task<IResult> IconAsync(long id, HttpContext context, SubscribedFeedStore feeds, IconStore icons, CancellationToken token)
    {
        if (await feeds.GetAsync(ApiCaller.Required(context).User.Id, id, token) is null || await icons.GetAsync(id, token) is not { } icon)
        {
            return ApiJson.NotFound();
        }
        return ApiJson.Ok(new IconJson(id, icon.ContentType + ";base64," + Convert.ToBase64String(icon.Data), icon.ContentType));
    }

    private static async Task<IResult> MarkReadAsync(long id, HttpContext context, SubscribedFeedStore feeds, EntryFilterStore entries, TimeProvider time, CancellationToken token)
    {
        var userId = ApiCaller.Required(context).User.Id;
        if (await feeds.GetAsync(userId, id, token) is null)
        {
            return ApiJson.NotFound();
        }
        await entries.MarkReadAsync(userId, new EntryFilter { FeedId = id }, time.GetUtcNow(), token);
        return Results.NoContent();
    }

    private static async Task<IResult> EntriesAsync(long id, HttpContext context, SubscribedFeedStore feeds, EntryFilterStore entries, SearchStore search, TimeProvider time, CancellationToken token) =>
        await feeds.GetAsync(ApiCaller.Required(context).User.Id, id, token) is null
            ? ApiJson.NotFound()
            : await EntryEndpoints.FindAsync(context, entries, search, time, new EntryFilter { FeedId = id }, token);

    private static async Task<IResult> EntryAsync(long id, long entryId, HttpContext context, EntryFilterStore entries, CancellationToken token)
    {
        var userId = ApiCaller.Required(context).User.Id;
        return await entries.GetAsync(userId, entryId, new EntryFilter { FeedId = id }, token) is { } entry ? ApiJson.Ok(ApiShapes.Entry(userId, entry)) : ApiJson.NotFound();
    }

    private static async Task<IResult> DiscoverAsync(HttpContext context, FeedDiscovery discovery, CancellationToken token)
    {
        var (body, problem) = await ApiJson.ReadAsync<DiscoverRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }
        if (!FeedAddress.TryParse(body!.Url, out var url))
        {
            return ApiJson.BadRequest("The URL is required and must be an http or https address.");
        }
        DiscoveryResult found;
        try
        {
            found = await discovery.DiscoverAsync(url, token);
        }
        catch (FetchException e)
        {
            return ApiJson.BadRequest(e.Message);
        }
        if (!found.Found)
        {
            return ApiJson.Error(StatusCodes.Status404NotFound, found.Message ?? "No feed found at this address.");
        }
        return ApiJson.Ok(found.Feeds.Select(f => new DiscoveredJson(f.Url.AbsoluteUri, f.Title ?? f.Feed.Title ?? f.Url.AbsoluteUri, Type(f.Format))).ToList());
    }

    private static string Type(FeedFormat format) => format.ToString().StartsWith("Atom", StringComparison.Ordinal) ? "atom"
        : format.ToString().StartsWith("Json", StringComparison.Ordinal) ? "json" : "rss";
}
