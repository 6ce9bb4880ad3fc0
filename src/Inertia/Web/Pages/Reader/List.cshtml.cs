using System.Globalization;
using Inertia.Storage.Entries;
using Inertia.Storage.Labels;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Reader;

/// <summary>
/// A list of entries: Unread, All, Starred, Today, a folder or a feed, a page at a time. Pages continue after
/// the last entry shown (keyset), so entries that arrive while the reader scrolls neither repeat nor push
/// others out; "load more" asks for the next page (with JavaScript, only its items).
/// </summary>
internal sealed class ListModel(EntryStore entries, SubscriptionStore subscriptions, FolderStore folders, LabelStore labels) : ReaderPageModel
{
    [FromRoute] public string? View { get; set; }
    [FromRoute] public long? FolderId { get; set; }
    [FromRoute] public long? FeedId { get; set; }
    [FromQuery] public string? After { get; set; }
    [FromQuery(Name = "t")] public long? Shown { get; set; }
    [FromQuery] public string? Fragment { get; set; }

    internal ListRef List { get; private set; }
    internal EntryPage Entries { get; private set; } = null!;

    /// <summary>The reader's labels on the page's entries.</summary>
    internal IReadOnlyDictionary<long, IReadOnlyList<string>> Labels { get; private set; } = new Dictionary<long, IReadOnlyList<string>>();
    internal string Heading { get; private set; } = "";
    internal SubscriptionSummary? Feed { get; private set; }

    /// <summary>When the first page of this list was shown, in Unix milliseconds; "mark all read" spares what came later.</summary>
    internal long ShownAt { get; private set; }

    internal string? NextUrl => Entries.Next is { } next
        ? $"{List.Path}?after={next}&t={ShownAt.ToString(CultureInfo.InvariantCulture)}"
        : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = CurrentUser;
        if (FeedId is { } feedId)
        {
            Feed = await subscriptions.FindAsync(user.Id, feedId, cancellationToken);
            if (Feed is null)
            {
                return NotFound();
            }
            List = new ListRef(EntryView.Feed, feedId);
            Heading = Feed.Title;
        }
        else if (FolderId is { } folderId)
        {
            var folder = await folders.GetAsync(user.Id, folderId, cancellationToken);
            if (folder is null)
            {
                return NotFound();
            }
            List = new ListRef(EntryView.Folder, folderId);
            Heading = folder.Title;
        }
        else
        {
            List = ListRef.TryParse(View, out var list) ? list : ListRef.Unread;
            Heading = List.View switch
            {
                EntryView.All => T["All"],
                EntryView.Starred => T["[list] Starred"],
                EntryView.Today => T["Today"],
                _ => T["Unread"],
            };
        }
        var now = Now;
        ShownAt = Shown is { } shown && shown <= now.ToUnixTimeMilliseconds() ? shown : now.ToUnixTimeMilliseconds();
        var query = List.Query(user.Settings, now) with
        {
            After = EntryCursor.TryParse(After, out var cursor) ? cursor : null,
        };
        Entries = await entries.PageAsync(user.Id, query, cancellationToken);
        Labels = await labels.OfEntriesAsync(user.Id, Entries.Items.Select(i => i.EntryId).ToList(), cancellationToken);
        if (Fragment == "1")
        {
            if (NextUrl is { } next)
            {
                Response.Headers["X-Next"] = next;
            }
            return Partial("_EntryItems", new EntryItemsView(Entries.Items, Labels, List, ShownAt, now, user.Settings.Zone));
        }
        await LoadSidebarAsync(List, cancellationToken, Feed?.FolderId);
        return Page();
    }
}
