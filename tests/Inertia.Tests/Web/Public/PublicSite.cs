using Inertia.Catalog;
using Inertia.Storage.Public;
using Inertia.Subscriptions;

namespace Inertia.Tests.Web.Public;

/// <summary>Puts test feeds into the directory, as an administrator would.</summary>
internal static class PublicSite
{
    /// <summary>Adds <paramref name="site"/>'s feed to the directory; returns the source's id.</summary>
    public static async Task<long> AddToDirectoryAsync(ReaderApp app, FeedSite site, string category = "Engineering blogs", string language = "en", bool isPublic = true) =>
        (await app.Get<DirectoryStore>().AddAsync(
            new CatalogSource(site.Title, FeedAddress.Normalize(site.FeedUrl), site.HomeUrl.AbsoluteUri, null, category, language, "A blog served on loopback."),
            isPublic, DateTimeOffset.UtcNow))!.Value;
}
