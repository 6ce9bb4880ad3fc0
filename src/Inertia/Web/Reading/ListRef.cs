using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Inertia.Accounts;
using Inertia.Storage.Entries;

namespace Inertia.Web.Reading;

/// <summary>
/// Names one of a reader's lists in URLs and forms: "unread", "all", "starred", "today", "folder:ID" or
/// "feed:ID". The article view carries it, so that its previous and next links walk the list it was
/// opened from, and "mark all read" carries it to say which entries it means.
/// </summary>
internal readonly record struct ListRef(EntryView View, long? Id = null)
{
    public static ListRef Unread { get; } = new(EntryView.Unread);

    /// <summary>The list's own page.</summary>
    public string Path => View switch
    {
        EntryView.Folder => string.Create(CultureInfo.InvariantCulture, $"/folders/{Id}"),
        EntryView.Feed => string.Create(CultureInfo.InvariantCulture, $"/feeds/{Id}"),
        _ => "/" + View.ToString().ToLowerInvariant(),
    };

    public override string ToString() => View switch
    {
        EntryView.Folder => string.Create(CultureInfo.InvariantCulture, $"folder:{Id}"),
        EntryView.Feed => string.Create(CultureInfo.InvariantCulture, $"feed:{Id}"),
        _ => View.ToString().ToLowerInvariant(),
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out ListRef list)
    {
        list = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? text : text[..colon];
        if (!Enum.TryParse<EntryView>(name, ignoreCase: true, out var view) || !Enum.IsDefined(view) || int.TryParse(name, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }
        var needsId = view is EntryView.Folder or EntryView.Feed;
        if (needsId != colon >= 0)
        {
            return false;
        }
        if (!needsId)
        {
            list = new ListRef(view);
            return true;
        }
        if (!long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }
        list = new ListRef(view, id);
        return true;
    }

    /// <summary>The query for this list as <paramref name="settings"/> want it shown.</summary>
    public EntryQuery Query(UserSettings settings, DateTimeOffset now) => new()
    {
        View = View,
        FolderId = View == EntryView.Folder ? Id : null,
        FeedId = View == EntryView.Feed ? Id : null,
        Since = View == EntryView.Today ? StartOfDay(now, settings.Zone) : null,
        UnreadOnly = View is EntryView.Folder or EntryView.Feed or EntryView.Today && !settings.ShowRead,
        OldestFirst = settings.OldestFirst,
        Limit = settings.EntriesPerPage,
    };

    /// <summary>Midnight of <paramref name="now"/>'s day in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOfDay(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date;
        // A day that starts inside a daylight-saving gap starts at the first instant that exists.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
