using Inertia.Accounts;
using Inertia.Storage.Entries;
using Inertia.Storage.Labels;
using Inertia.Storage.Public;
using Inertia.Storage.Rules;
using Inertia.Storage.Subscriptions;
using Inertia.Web.Reading;
using Microsoft.AspNetCore.Mvc;

namespace Inertia.Web.Pages.Reader;

/// <summary>
/// The article view: one entry in full, with previous and next in the list it was opened from. Opening it
/// marks it read, unless the reader chose otherwise; within that list it stays reachable by previous and
/// next even though it is no longer unread.
/// </summary>
internal sealed class EntryModel(EntryStore entries, SubscriptionStore subscriptions, ShareStore shares, LabelStore labels, RuleStore rules) : ReaderPageModel
{
    [FromRoute] public long Id { get; set; }
    [FromQuery(Name = "from")] public string? From { get; set; }
    [FromQuery(Name = "t")] public long? Shown { get; set; }

    internal EntryDetail Entry { get; private set; } = null!;
    internal ListRef List { get; private set; }
    internal string ListTitle { get; private set; } = "";
    internal string? PreviousUrl { get; private set; }
    internal string? NextUrl { get; private set; }

    /// <summary>The reader's share link to this entry, if they made one.</summary>
    internal Share? Share { get; private set; }

    /// <summary>The reader's labels on this entry.</summary>
    internal IReadOnlyList<string> Labels { get; private set; } = [];

    /// <summary>What the reader's rules did to this entry, if anything.</summary>
    internal RuleMark? RuleMark { get; private set; }

    /// <summary>Every label the reader uses, offered when adding one.</summary>
    internal IReadOnlyList<EntryLabel> AllLabels { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = CurrentUser;
        var entry = await entries.GetAsync(user.Id, Id, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }
        var now = Now;
        if (!entry.IsRead && user.Settings.MarkReadOn != MarkReadOn.Manual)
        {
            await entries.SetReadAsync(user.Id, [entry.EntryId], read: true, now, cancellationToken);
            entry = entry with { IsRead = true };
        }
        Entry = entry;
        List = ListRef.TryParse(From, out var list) ? list : new ListRef(EntryView.Feed, entry.FeedId);
        var shownAt = Shown is { } shown && shown <= now.ToUnixTimeMilliseconds() ? shown : now.ToUnixTimeMilliseconds();
        // Entries read since the list was shown stay in it, so that previous leads back to what was just read.
        var query = List.Query(user.Settings, now) with { ReadSince = DateTimeOffset.FromUnixTimeMilliseconds(shownAt) };
        var (previous, next) = await entries.NeighboursAsync(user.Id, query, entry.Cursor, cancellationToken);
        PreviousUrl = previous is { } p ? ArticleLink.To(p, List, shownAt) : null;
        NextUrl = next is { } n ? ArticleLink.To(n, List, shownAt) : null;
        await LoadSidebarAsync(List, cancellationToken, entry.FolderId);
        ListTitle = await ListTitleAsync(entry, cancellationToken);
        Share = await shares.FindAsync(user.Id, entry.EntryId, cancellationToken);
        Labels = (await labels.OfEntriesAsync(user.Id, [entry.EntryId], cancellationToken)).GetValueOrDefault(entry.EntryId) ?? [];
        AllLabels = await labels.ListAsync(user.Id, cancellationToken);
        RuleMark = await rules.MarkOfAsync(user.Id, entry.EntryId, cancellationToken);
        return Page();
    }

    // Named from what the page has already read where it can: the entry's own feed, the sidebar's folders.
    private async Task<string> ListTitleAsync(EntryDetail entry, CancellationToken cancellationToken) => List.View switch
    {
        EntryView.All => T["All"],
        EntryView.Starred => T["[list] Starred"],
        EntryView.Today => T["Today"],
        EntryView.Folder => SidebarView.Sidebar.Folders.FirstOrDefault(f => f.Folder.Id == List.Id)?.Folder.Title ?? T["Folder"],
        EntryView.Feed when List.Id == entry.FeedId => entry.FeedTitle,
        EntryView.Feed => (await subscriptions.FindAsync(CurrentUser.Id, List.Id!.Value, cancellationToken))?.Title ?? T["Feed"],
        _ => T["Unread"],
    };
}
