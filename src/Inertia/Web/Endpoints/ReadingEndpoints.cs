using System.Globalization;
using Inertia.Refresh;
using Inertia.Search;
using Inertia.Storage.Entries;
using Inertia.Storage.Labels;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Localization;
using Inertia.Web.Reading;
using Inertia.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Inertia.Web.Endpoints;

/// <summary>
/// The reader's state changes: read, unread, star, unstar, mark all read, refresh. Each is a POST with an
/// anti-forgery token, from a plain form (answered with a redirect back, so that reading works without
/// JavaScript) or from the page's script (answered with JSON when it asks for it).
/// </summary>
internal static class ReadingEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        group.MapPost("/entries/{id:long}/read", (long id, [FromForm] string? returnUrl, HttpContext context, EntryStore entries, TimeProvider time, CancellationToken token) =>
            SetReadAsync(context, entries, time, [id], read: true, returnUrl, token));
        group.MapPost("/entries/{id:long}/unread", (long id, [FromForm] string? returnUrl, HttpContext context, EntryStore entries, TimeProvider time, CancellationToken token) =>
            SetReadAsync(context, entries, time, [id], read: false, returnUrl, token));
        group.MapPost("/entries/read", ([FromForm(Name = "id")] long[] ids, [FromForm] string? returnUrl, HttpContext context, EntryStore entries, TimeProvider time, CancellationToken token) =>
            SetReadAsync(context, entries, time, ids.Take(500).ToArray(), read: true, returnUrl, token));
        group.MapPost("/entries/{id:long}/star", (long id, [FromForm] string? returnUrl, HttpContext context, EntryStore entries, TimeProvider time, CancellationToken token) =>
            SetStarredAsync(context, entries, time, id, starred: true, returnUrl, token));
        group.MapPost("/entries/{id:long}/unstar", (long id, [FromForm] string? returnUrl, HttpContext context, EntryStore entries, TimeProvider time, CancellationToken token) =>
            SetStarredAsync(context, entries, time, id, starred: false, returnUrl, token));
        group.MapPost("/entries/{id:long}/labels", (long id, [FromForm] string? label, [FromForm] string? returnUrl, HttpContext context, LabelStore labels, EntryStore entries, Translator t, TimeProvider time, CancellationToken token) =>
            LabelAsync(context, labels, entries, t, time, id, label, add: true, returnUrl, token));
        group.MapPost("/entries/{id:long}/labels/remove", (long id, [FromForm] string? label, [FromForm] string? returnUrl, HttpContext context, LabelStore labels, EntryStore entries, Translator t, TimeProvider time, CancellationToken token) =>
            LabelAsync(context, labels, entries, t, time, id, label, add: false, returnUrl, token));
        group.MapPost("/mark-all-read", MarkAllReadAsync);
        group.MapPost("/search/mark-read", MarkResultsReadAsync);
        group.MapPost("/refresh", RefreshAsync);
    }

    private static async Task<IResult> SetReadAsync(HttpContext context, EntryStore entries, TimeProvider time, long[] ids, bool read, string? returnUrl, CancellationToken token)
    {
        var user = context.RequiredUser();
        var changed = await entries.SetReadAsync(user.Id, ids, read, time.GetUtcNow(), token);
        if (ids.Length == 1 && changed == 0 && await entries.GetAsync(user.Id, ids[0], token) is null)
        {
            return Results.NotFound();
        }
        return Answer(context, new { changed }, returnUrl, ids.Length == 1 ? $"/entries/{ids[0]}" : "/unread");
    }

    private static async Task<IResult> SetStarredAsync(HttpContext context, EntryStore entries, TimeProvider time, long id, bool starred, string? returnUrl, CancellationToken token) =>
        await entries.SetStarredAsync(context.RequiredUser().Id, id, starred, time.GetUtcNow(), token)
            ? Answer(context, new { starred }, returnUrl, $"/entries/{id}")
            : Results.NotFound();

    /// <summary>Puts a label on an entry or takes it off; a name that breaks the rules is refused with a message.</summary>
    private static async Task<IResult> LabelAsync(HttpContext context, LabelStore labels, EntryStore entries, Translator t, TimeProvider time, long id, string? label, bool add, string? returnUrl, CancellationToken token)
    {
        var user = context.RequiredUser();
        if (await entries.GetAsync(user.Id, id, token) is null)
        {
            return Results.NotFound();
        }
        if (!LabelName.TryNormalize(label, out var name))
        {
            var problem = t["A label has 1 to {0} characters, without / or \".", LabelName.MaxLength];
            if (Requests.WantsJson(context.Request))
            {
                return Results.BadRequest(new { error_message = problem });
            }
            Flash(context, problem);
            return Results.Redirect(Requests.LocalOr(returnUrl, $"/entries/{id}"));
        }
        var changed = add
            ? await labels.AddAsync(user.Id, [id], name, time.GetUtcNow(), token)
            : await labels.RemoveAsync(user.Id, [id], name, token);
        return Answer(context, new { changed }, returnUrl, $"/entries/{id}");
    }

    private static async Task<IResult> MarkAllReadAsync(
        [FromForm] string? list, [FromForm] long? shownAt, [FromForm] string? olderThan,
        HttpContext context, EntryStore entries, TimeProvider time, CancellationToken token)
    {
        var user = context.RequiredUser();
        if (!ListRef.TryParse(list, out var target))
        {
            return Results.BadRequest();
        }
        var now = time.GetUtcNow();
        // Without the time the list was shown (an old form), nothing that arrived in the last moment is spared.
        var shown = shownAt is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(ms, now.ToUnixTimeMilliseconds())) : now;
        DateTimeOffset? before = olderThan switch
        {
            "day" => now.AddDays(-1),
            "week" => now.AddDays(-7),
            _ => null,
        };
        var marked = await entries.MarkAllReadAsync(user.Id, target.Query(user.Settings, now), shown, before, now, token);
        return Answer(context, new { marked }, null, target.Path);
    }

    /// <summary>Marks read every unread result of a search that had arrived when the results were shown.</summary>
    private static async Task<IResult> MarkResultsReadAsync([FromForm] string? q, [FromForm(Name = "in")] string? within, [FromForm] long? shownAt,
        HttpContext context, SearchStore search, TimeProvider time, CancellationToken token)
    {
        var user = context.RequiredUser();
        var now = time.GetUtcNow();
        SearchQuery query;
        try
        {
            query = SearchQuery.Parse(q ?? "", now, user.Settings.Zone);
        }
        catch (SearchQueryException e)
        {
            return Results.BadRequest(new { error_message = e.Message });
        }
        var scope = ListRef.TryParse(within, out var parsed) ? parsed : default;
        var request = new SearchRequest(query)
        {
            FeedId = scope.View == EntryView.Feed ? scope.Id : null,
            FolderId = scope.View == EntryView.Folder ? scope.Id : null,
        };
        var shown = shownAt is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(ms, now.ToUnixTimeMilliseconds())) : now;
        var marked = await search.MarkReadAsync(user.Id, request, shown, now, token);
        return Answer(context, new { marked }, null, "/search?q=" + Uri.EscapeDataString(query.Text) + (scope.Id is null ? "" : "&in=" + Uri.EscapeDataString(scope.ToString())));
    }

    private static async Task<IResult> RefreshAsync([FromForm] long? feedId, [FromForm] string? returnUrl, HttpContext context,
        SubscriptionStore subscriptions, RefreshRunner runner, Translator t, TimeProvider time, CancellationToken token)
    {
        var user = context.RequiredUser();
        if (feedId is { } id)
        {
            if (await subscriptions.FindAsync(user.Id, id, token) is null)
            {
                return Results.NotFound();
            }
            // One feed is quick (the fetcher's own time limit bounds it), so the reader sees the result at once.
            RefreshOutcome? outcome = null;
            await runner.RunNowAsync([id], o => outcome = o, token);
            var message = outcome switch
            {
                null => t["This feed is being refreshed by another worker right now."],
                { Result: RefreshResult.Updated, NewEntries: 1 } => t["Refreshed: {0} new entry.", outcome.NewEntries],
                { Result: RefreshResult.Updated } => t["Refreshed: {0} new entries.", outcome.NewEntries],
                { Result: RefreshResult.NotModified or RefreshResult.Unchanged } => t["Refreshed: nothing new."],
                { Result: RefreshResult.Gone } => t["The feed is gone (410): its server says it will not come back."],
                _ => t["The refresh failed: {0}", outcome.Error],
            };
            Flash(context, message);
            return Answer(context, new { result = outcome?.Result.ToString(), newEntries = outcome?.NewEntries ?? 0, message }, returnUrl, $"/feeds/{id.ToString(CultureInfo.InvariantCulture)}/status");
        }
        var due = await subscriptions.MakeDueAsync(user.Id, time.GetUtcNow(), token);
        var queued = t["Refreshing your feeds; new entries appear within a minute."];
        Flash(context, queued);
        return Answer(context, new { due, message = queued }, returnUrl, "/unread");
    }

    /// <summary>Shows <paramref name="message"/> on the page the reader is sent back to.</summary>
    internal static void Flash(HttpContext context, string message)
    {
        if (!Requests.WantsJson(context.Request))
        {
            // Endpoints, unlike pages, have no filter that saves what they put in TempData.
            var tempData = context.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context);
            tempData["Message"] = message;
            tempData.Save();
        }
    }

    internal static IResult Answer(HttpContext context, object json, string? returnUrl, string fallback) =>
        Requests.WantsJson(context.Request) ? Results.Json(json) : Results.Redirect(Requests.LocalOr(returnUrl, fallback));
}
