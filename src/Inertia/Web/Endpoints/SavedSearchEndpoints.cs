using System.Globalization;
using Inertia.Search;
using Inertia.Storage.SavedSearches;
using Inertia.Web.Localization;
using Inertia.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Endpoints;

/// <summary>
/// Saving a search, changing it and deleting it: POSTs with an anti-forgery token from the search page. A name must be
/// new to the reader and the query readable; what is wrong is said on the page the reader came from.
/// </summary>
internal static class SavedSearchEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/searches").RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        group.MapPost("", CreateAsync);
        group.MapPost("/{id:long}", UpdateAsync);
        group.MapPost("/{id:long}/delete", DeleteAsync);
    }

    private static async Task<IResult> CreateAsync([FromForm] string? name, [FromForm] string? query, HttpContext context, SavedSearchStore searches, Translator t, TimeProvider time, CancellationToken token)
    {
        var user = context.RequiredUser();
        var back = "/search?q=" + Uri.EscapeDataString(query ?? "");
        if (Problem(name, query, user.Settings.Zone, t, time) is { } problem)
        {
            return Refuse(context, problem, back);
        }
        var id = await searches.CreateAsync(user.Id, name!.Trim(), query!.Trim(), time.GetUtcNow(), token);
        return id is null
            ? Refuse(context, t["You have a saved search called “{0}” already.", name.Trim()], back)
            : ReadingEndpoints.Answer(context, new { id }, null, Path(id.Value));
    }

    private static async Task<IResult> UpdateAsync(long id, [FromForm] string? name, [FromForm] string? query, HttpContext context, SavedSearchStore searches, Translator t, TimeProvider time, CancellationToken token)
    {
        var user = context.RequiredUser();
        if (await searches.GetAsync(user.Id, id, token) is null)
        {
            return Results.NotFound();
        }
        if (Problem(name, query, user.Settings.Zone, t, time) is { } problem)
        {
            return Refuse(context, problem, Path(id));
        }
        return await searches.UpdateAsync(user.Id, id, name!.Trim(), query!.Trim(), token)
            ? ReadingEndpoints.Answer(context, new { id }, null, Path(id))
            : Refuse(context, t["You have a saved search called “{0}” already.", name.Trim()], Path(id));
    }

    private static async Task<IResult> DeleteAsync(long id, HttpContext context, SavedSearchStore searches, CancellationToken token) =>
        await searches.DeleteAsync(context.RequiredUser().Id, id, token)
            ? ReadingEndpoints.Answer(context, new { deleted = true }, null, "/unread")
            : Results.NotFound();

    /// <summary>What is wrong with a name and a query, in the reader's language; null when nothing is.</summary>
    private static string? Problem(string? name, string? query, TimeZoneInfo zone, Translator t, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > SavedSearchStore.MaxNameLength)
        {
            return t["A saved search needs a name of 1 to {0} characters.", SavedSearchStore.MaxNameLength];
        }
        try
        {
            SearchQuery.Parse(query ?? "", time.GetUtcNow(), zone);
            return null;
        }
        catch (SearchQueryException e)
        {
            return t[e.Template, e.Arguments.ToArray()];
        }
    }

    private static IResult Refuse(HttpContext context, string problem, string back)
    {
        if (Requests.WantsJson(context.Request))
        {
            return Results.BadRequest(new { error_message = problem });
        }
        ReadingEndpoints.Flash(context, problem);
        return Results.Redirect(back);
    }

    private static string Path(long id) => string.Create(CultureInfo.InvariantCulture, $"/search/{id}");
}
