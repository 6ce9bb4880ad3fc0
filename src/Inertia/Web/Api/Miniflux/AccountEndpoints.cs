using Inertia.Web.Api.Miniflux.Json;

namespace Inertia.Web.Api.Miniflux;

/// <summary><c>GET /v1/me</c> and <c>GET /v1/version</c>.</summary>
internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me", (HttpContext context) =>
        {
            var user = ApiCaller.Required(context).User;
            var settings = user.Settings;
            return ApiJson.Ok(new UserJson
            {
                Id = user.Id,
                Username = user.Username,
                IsAdmin = user.IsAdmin,
                Theme = settings.Theme switch { Accounts.Theme.Dark => "dark_serif", Accounts.Theme.Light => "light_serif", _ => "system_serif" },
                Language = settings.Language switch { "zh-CN" => "zh_CN", _ => "en_US" },
                Timezone = settings.TimeZone,
                EntrySortingDirection = settings.OldestFirst ? "asc" : "desc",
                EntriesPerPage = settings.EntriesPerPage,
                MarkReadOnView = settings.MarkReadOn == Accounts.MarkReadOn.Open,
            });
        }).Produces<UserJson>().WithSummary("The caller's account");

        api.MapGet("/version", () => ApiJson.Ok(new VersionJson(
            typeof(AccountEndpoints).Assembly.GetName().Version?.ToString() ?? "0", "", "", "", "inertia", Environment.Is64BitProcess ? "amd64" : "386", OperatingSystem.IsLinux() ? "linux" : "other")))
            .Produces<VersionJson>().WithSummary("The server's version");
    }
}
