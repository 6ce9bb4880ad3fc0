using Inertia.Storage.Entries;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Api.Miniflux.Json;

namespace Inertia.Web.Api.Miniflux;

/// <summary>Inertia's rows in Miniflux's shapes.</summary>
internal static class ApiShapes
{
    /// <summary>Miniflux puts every feed in a category; Inertia's feeds outside folders are in this one, id 0.</summary>
    public const long UnfiledId = 0;

    public const string UnfiledTitle = "Uncategorized";

    public static CategoryJson Category(long userId, long? folderId, string? folderTitle) =>
        folderId is { } id ? new CategoryJson(id, folderTitle ?? "", userId) : new CategoryJson(UnfiledId, UnfiledTitle, userId);

    public static FeedJson Feed(long userId, SubscribedFeed feed) => new()
    {
        Id = feed.FeedId,
        UserId = userId,
        FeedUrl = feed.FeedUrl,
        SiteUrl = feed.SiteUrl ?? feed.FeedUrl,
        Title = feed.Title,
        CheckedAt = feed.LastFetchedAt ?? DateTimeOffset.UnixEpoch,
        NextCheckAt = feed.NextCheckAt,
        EtagHeader = feed.Etag ?? "",
        LastModifiedHeader = feed.LastModified ?? "",
        ParsingErrorMessage = feed.ErrorCount > 0 ? feed.LastError ?? "" : "",
        ParsingErrorCount = feed.ErrorCount,
        Disabled = feed.IsGone,
        Category = Category(userId, feed.FolderId, feed.FolderTitle),
        Icon = feed.IconHash is null ? null : new FeedIconRefJson(feed.FeedId, feed.FeedId),
    };

    public static EntryJson Entry(long userId, FullEntry entry) => new()
    {
        Id = entry.EntryId,
        UserId = userId,
        FeedId = entry.FeedId,
        Status = entry.IsRead ? "read" : "unread",
        Hash = entry.Hash,
        Title = entry.Title ?? "",
        Url = entry.Url ?? "",
        CommentsUrl = entry.CommentsUrl ?? "",
        PublishedAt = entry.PublishedAt,
        CreatedAt = entry.CreatedAt,
        ChangedAt = entry.ChangedAt,
        Content = entry.Content ?? entry.Summary ?? "",
        Author = string.Join(", ", entry.Authors.Select(a => a.Name ?? a.Email).Where(n => !string.IsNullOrWhiteSpace(n))),
        Starred = entry.IsStarred,
        Enclosures = entry.Enclosures.Select((e, i) => new EnclosureJson
        {
            Id = i + 1,
            UserId = userId,
            EntryId = entry.EntryId,
            Url = e.Url,
            MimeType = e.Type ?? "",
            Size = e.Length ?? 0,
        }).ToList(),
        Tags = entry.Categories,
        Feed = Feed(userId, entry.Feed),
    };

    public static EntryListJson Entries(long userId, (IReadOnlyList<FullEntry> Entries, long Total) found) =>
        new(found.Total, found.Entries.Select(e => Entry(userId, e)).ToList());
}
