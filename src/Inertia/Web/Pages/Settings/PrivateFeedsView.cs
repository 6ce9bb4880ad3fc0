using Inertia.FeedsOut;
using Inertia.Storage.Accounts;
using Inertia.Storage.SavedSearches;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Endpoints;
using Inertia.Web.Localization;
using Inertia.Web.Security;

namespace Inertia.Web.Pages.Settings;

/// <summary>What the settings section of private feeds shows: whether addresses exist, and each list's, to copy into other readers.</summary>
internal sealed record PrivateFeedsView(bool HasToken, IReadOnlyList<PrivateFeedList> Lists)
{
    public static async Task<PrivateFeedsView> LoadAsync(HttpContext context)
    {
        var user = context.RequiredUser();
        var services = context.RequestServices;
        var token = await services.GetRequiredService<FeedTokenStore>().GetAsync(user.Id, context.RequestAborted);
        if (token is null)
        {
            return new PrivateFeedsView(false, []);
        }
        var baseUrl = FeedsOutEndpoints.BaseUrl(context.Request);
        var lists = new List<PrivateFeedList>
        {
            new(null, OutFormats.All.Select(f => (f, baseUrl + PrivateFeeds.StarredPath(user.Id, token, f))).ToList()),
        };
        foreach (var folder in await services.GetRequiredService<FolderStore>().ListAsync(user.Id, context.RequestAborted))
        {
            lists.Add(new PrivateFeedList(folder.Title, OutFormats.All.Select(f => (f, baseUrl + PrivateFeeds.FolderPath(user.Id, token, folder.Id, f))).ToList()));
        }
        var t = services.GetRequiredService<Translator>();
        foreach (var saved in await services.GetRequiredService<SavedSearchStore>().ListAsync(user.Id, context.RequestAborted))
        {
            lists.Add(new PrivateFeedList(t["Search: {0}", saved.Name], OutFormats.All.Select(f => (f, baseUrl + PrivateFeeds.SearchPath(user.Id, token, saved.Id, f))).ToList()));
        }
        return new PrivateFeedsView(true, lists);
    }
}
