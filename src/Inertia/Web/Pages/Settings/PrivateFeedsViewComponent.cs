using Inertia.FeedsOut;
using Inertia.Storage;
using Inertia.Web.Endpoints;
using Inertia.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Settings;

/// <summary>The settings section that lists the addresses of the reader's private feeds, to copy into other readers.</summary>
internal sealed class PrivateFeedsViewComponent(FeedTokenStore tokens, FolderStore folders) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.RequiredUser();
        var token = await tokens.GetAsync(user.Id, HttpContext.RequestAborted);
        var lists = new List<PrivateFeedList>();
        if (token is not null)
        {
            var baseUrl = FeedsOutEndpoints.BaseUrl(Request);
            lists.Add(new PrivateFeedList(null, OutFormats.All.Select(f => (f, baseUrl + PrivateFeeds.StarredPath(user.Id, token, f))).ToList()));
            foreach (var folder in await folders.ListAsync(user.Id, HttpContext.RequestAborted))
            {
                lists.Add(new PrivateFeedList(folder.Title, OutFormats.All.Select(f => (f, baseUrl + PrivateFeeds.FolderPath(user.Id, token, folder.Id, f))).ToList()));
            }
        }
        return View("/Web/Pages/Settings/_PrivateFeeds.cshtml", new PrivateFeedsView(token is not null, lists));
    }
}

/// <summary>What the private feeds section shows: whether addresses exist, and each list's.</summary>
internal sealed record PrivateFeedsView(bool HasToken, IReadOnlyList<PrivateFeedList> Lists);

/// <summary>One list's addresses; <see cref="Folder"/> is null for the starred list.</summary>
internal sealed record PrivateFeedList(string? Folder, IReadOnlyList<(OutFormat Format, string Url)> Addresses);
