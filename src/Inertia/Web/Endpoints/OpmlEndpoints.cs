using System.Text;
using Inertia.Importing;
using Inertia.Storage.Importing;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Localization;
using Inertia.Web.Pages.Subscriptions;
using Inertia.Web.Security;
using Microsoft.Net.Http.Headers;

namespace Inertia.Web.Endpoints;

/// <summary>
/// <c>GET /subscriptions/export[?folder=ID]</c>: the reader's subscriptions (all, or one folder's) as an OPML 2.0
/// download; <c>GET /subscriptions/import/{id}/progress</c>: an import's progress as JSON, which the progress
/// page's script polls.
/// </summary>
internal static class OpmlEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/subscriptions/export", ExportAsync).RequireAuthorization();
        app.MapGet("/subscriptions/import/{importId:long}/progress", ProgressAsync).RequireAuthorization();
    }

    private static async Task<IResult> ExportAsync(long? folder, HttpContext context, SubscriptionStore subscriptions, FolderStore folders, TimeProvider time, Translator t, CancellationToken cancellationToken)
    {
        var user = context.RequiredUser();
        var list = await subscriptions.ListAsync(user.Id, cancellationToken);
        string title, fileName;
        var today = Translator.Day(time.GetUtcNow(), user.Settings.Zone);
        if (folder is { } folderId)
        {
            if (await folders.GetAsync(user.Id, folderId, cancellationToken) is not { } chosen)
            {
                return Results.NotFound();
            }
            list = list.Where(s => s.FolderId == folderId).ToList();
            title = t["{0}'s folder “{1}” in Inertia", user.Username, chosen.Title];
            fileName = $"inertia-{FileNamePart(chosen.Title)}-{today}.opml";
        }
        else
        {
            title = t["{0}'s subscriptions in Inertia", user.Username];
            fileName = $"inertia-subscriptions-{today}.opml";
        }
        using var body = new MemoryStream();
        SubscriptionsOpml.Write(body, title, list, time.GetUtcNow());
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Bytes(body.ToArray(), "text/x-opml; charset=utf-8");
    }

    /// <summary>A folder's name as part of a file name: letters (any script), digits and dashes.</summary>
    internal static string FileNamePart(string title)
    {
        var part = new StringBuilder();
        foreach (var c in title.Trim())
        {
            part.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var text = string.Join('-', part.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return text.Length == 0 ? "folder" : text[..Math.Min(text.Length, 60)];
    }

    private static async Task<IResult> ProgressAsync(long importId, HttpContext context, ImportStore imports, TimeProvider time, Translator t, CancellationToken cancellationToken)
    {
        var user = context.RequiredUser();
        if (await imports.GetAsync(user.Id, importId, time.GetUtcNow(), withFailures: true, cancellationToken) is not { } progress)
        {
            return Results.NotFound();
        }
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new
        {
            status = progress.Status.ToString().ToLowerInvariant(),
            statusText = ImportText.Status(progress, t),
            finished = progress.IsFinished,
            total = progress.Total,
            done = progress.Done,
            added = progress.Added,
            skipped = progress.Skipped,
            failed = progress.Failed,
            failures = progress.Failures.Select(f => new { title = f.Title ?? f.FeedUrl, url = f.FeedUrl, folder = f.Folder, reason = f.Message }),
        });
    }
}
