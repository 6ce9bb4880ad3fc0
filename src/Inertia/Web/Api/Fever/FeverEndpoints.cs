using System.Globalization;
using Inertia.Storage.Accounts;
using Inertia.Storage.Sync;

namespace Inertia.Web.Api.Fever;

/// <summary>
/// The Fever API at <c>/api/fever</c> (alias <c>/api/fever.php</c>): one address, GET or POST, where the
/// parameters present say what to answer (<c>?api&amp;items&amp;since_id=…</c>) and <c>api_key</c> —
/// md5("name:apipassword") — is the only credential. Groups are folders; a feed's favicon id is its own id.
/// </summary>
internal static class FeverEndpoints
{
    private const int ItemsPerCall = 50;

    private static readonly string[] Paths = ["/api/fever", "/api/fever.php"];

    /// <summary>Whether a request is for the Fever API (whose errors are JSON, unlike Google Reader's).</summary>
    public static bool Serves(PathString path) => Paths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var path in Paths)
        {
            app.MapMethods(path, ["GET", "POST"], AnswerAsync).DisableAntiforgery().AllowAnonymous();
        }
    }

    private static async Task<IResult> AnswerAsync(HttpContext context, ApiCredentialStore credentials, SyncStore sync, FeverQueries queries, CancellationToken cancellationToken)
    {
        var form = await ApiForm.ReadAsync(context.Request, cancellationToken);
        var key = form["api_key"]?.Trim();
        var user = key is { Length: 32 } ? await credentials.FindByFeverKeyAsync(key, cancellationToken) : null;
        var answer = new Dictionary<string, object?> { ["api_version"] = 3, ["auth"] = user is null ? 0 : 1 };
        if (user is null)
        {
            // Fever says "auth: 0" in a normal answer; clients read that rather than the status.
            return JsonStreamResult.Json(answer);
        }
        var userId = user.Id;
        answer["last_refreshed_on_time"] = (await sync.LastRefreshedAsync(userId, cancellationToken) ?? 0) / 1000;

        if (form["mark"] is { } mark)
        {
            if (await queries.MarkAsync(userId, mark, form["as"], form["id"], form["before"], cancellationToken) is { } problem)
            {
                return JsonStreamResult.Json(new { api_version = 3, auth = 1, error = problem }, status: StatusCodes.Status400BadRequest);
            }
            if (form["as"] is "read" or "unread")
            {
                answer["unread_item_ids"] = Join(await sync.StateIdsAsync(userId, starred: false, cancellationToken));
            }
            else
            {
                answer["saved_item_ids"] = Join(await sync.StateIdsAsync(userId, starred: true, cancellationToken));
            }
        }
        if (form.Has("groups") || form.Has("feeds"))
        {
            var (groups, feeds, feedsGroups) = await queries.GroupsAndFeedsAsync(userId, cancellationToken);
            if (form.Has("groups"))
            {
                answer["groups"] = groups;
            }
            if (form.Has("feeds"))
            {
                answer["feeds"] = feeds;
            }
            answer["feeds_groups"] = feedsGroups;
        }
        if (form.Has("favicons"))
        {
            answer["favicons"] = await queries.FaviconsAsync(userId, cancellationToken);
        }
        if (form.Has("items"))
        {
            if (ReadItemsRequest(form) is not { } request)
            {
                return JsonStreamResult.Json(new { api_version = 3, auth = 1, error = "since_id, max_id and with_ids take entry ids (with_ids: at most 50, comma-separated)." },
                    status: StatusCodes.Status400BadRequest);
            }
            answer["items"] = await queries.ItemsAsync(userId, request, ItemsPerCall, cancellationToken);
            answer["total_items"] = await sync.CountAsync(userId, cancellationToken);
        }
        if (form.Has("unread_item_ids"))
        {
            answer["unread_item_ids"] = Join(await sync.StateIdsAsync(userId, starred: false, cancellationToken));
        }
        if (form.Has("saved_item_ids"))
        {
            answer["saved_item_ids"] = Join(await sync.StateIdsAsync(userId, starred: true, cancellationToken));
        }
        if (form.Has("links"))
        {
            // Hot links are Fever's own ranking of shared links; Inertia has none to offer.
            answer["links"] = Array.Empty<object>();
        }
        return JsonStreamResult.Json(answer);
    }

    private static FeverItemsRequest? ReadItemsRequest(ApiForm form)
    {
        if (form["with_ids"] is { Length: > 0 } withIds)
        {
            var ids = new List<long>();
            foreach (var part in withIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    return null;
                }
                ids.Add(id);
            }
            return ids.Count > ItemsPerCall ? null : new FeverItemsRequest(null, null, ids);
        }
        long? since = null, max = null;
        if (form["since_id"] is { Length: > 0 } s)
        {
            if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }
            since = value;
        }
        if (form["max_id"] is { Length: > 0 } m)
        {
            if (!long.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }
            max = value;
        }
        return new FeverItemsRequest(since, max, null);
    }

    private static string Join(List<long> ids) => string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
}
