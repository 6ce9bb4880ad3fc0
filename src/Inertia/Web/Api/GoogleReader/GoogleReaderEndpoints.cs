using Inertia.Storage.Subscriptions;

namespace Inertia.Web.Api.GoogleReader;

/// <summary>
/// The Google Reader API in the FreshRSS/Inoreader dialect, under <c>/api/greader</c> and the alias
/// <c>/api/greader.php</c> that apps set up for FreshRSS expect. Labels are Inertia's folders.
/// </summary>
internal static class GoogleReaderEndpoints
{
    public static readonly string[] BasePaths = ["/api/greader", "/api/greader.php"];

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var basePath in BasePaths)
        {
            var root = app.MapGroup(basePath).DisableAntiforgery().AllowAnonymous();
            root.MapGet("", () => Results.Text(
                $"This is Inertia's Google Reader API. Point your app at this address ({basePath}) and sign in with your user name and the API password set in Inertia's settings.\n"));
            root.MapMethods("/accounts/ClientLogin", ["GET", "POST"], GoogleReaderAuth.ClientLoginAsync);

            var api = root.MapGroup("/reader/api/0").AddEndpointFilter(GoogleReaderAuth.RequireAuth);
            api.MapGet("/token", (HttpContext context) => Results.Text(GoogleReaderAuth.WriteToken(context)));
            api.MapGet("/user-info", (HttpContext context) =>
            {
                var user = context.ApiUser();
                var id = ItemId.Decimal(user.Id);
                return JsonStreamResult.Json(new { userId = id, userName = user.Username, userProfileId = id, userEmail = "", isBloggerUser = false, signupTimeSec = user.CreatedAt.ToUnixTimeSeconds() });
            });
            api.MapGet("/subscription/list", GoogleReaderSubscriptions.ListAsync);
            api.MapGet("/subscription/export", GoogleReaderSubscriptions.ExportAsync);
            api.MapGet("/tag/list", GoogleReaderSubscriptions.TagsAsync);
            api.MapGet("/unread-count", GoogleReaderSubscriptions.UnreadCountAsync);
            api.MapMethods("/stream/contents/{**stream}", ["GET", "POST"], GoogleReaderStreams.ContentsAsync);
            api.MapMethods("/stream/items/ids", ["GET", "POST"], GoogleReaderStreams.IdsAsync);
            api.MapMethods("/stream/items/contents", ["GET", "POST"], GoogleReaderStreams.ItemsContentsAsync);

            var write = api.MapGroup("").AddEndpointFilter(GoogleReaderAuth.RequireWriteToken);
            write.MapPost("/subscription/edit", GoogleReaderSubscriptions.EditAsync);
            write.MapPost("/subscription/quickadd", GoogleReaderSubscriptions.QuickAddAsync);
            write.MapPost("/subscription/import", GoogleReaderSubscriptions.ImportAsync);
            write.MapPost("/edit-tag", GoogleReaderStreams.EditTagAsync);
            write.MapPost("/mark-all-as-read", GoogleReaderStreams.MarkAllAsReadAsync);
            write.MapPost("/rename-tag", GoogleReaderSubscriptions.RenameTagAsync);
            write.MapPost("/disable-tag", GoogleReaderSubscriptions.DisableTagAsync);

            root.MapGet("/reader/atom/{**stream}", GoogleReaderStreams.AtomAsync).AddEndpointFilter(GoogleReaderAuth.RequireAuth);
        }
    }

    /// <summary>A plain-text 400 that says what was wrong.</summary>
    public static IResult BadRequest(string message) => Results.Text(message, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string message) => Results.Text(message, statusCode: StatusCodes.Status404NotFound);

    /// <summary>Google Reader's answer to a write that worked.</summary>
    public static IResult Ok() => Results.Text("OK");

    /// <summary>The user's folder of this title, created when missing.</summary>
    public static async Task<long> FolderIdAsync(FolderStore folders, long userId, string title, CancellationToken cancellationToken) =>
        await folders.CreateAsync(userId, title, DateTimeOffset.UtcNow, cancellationToken)
            ?? (await folders.ListAsync(userId, cancellationToken)).First(f => f.Title == title.Trim()).Id;
}
