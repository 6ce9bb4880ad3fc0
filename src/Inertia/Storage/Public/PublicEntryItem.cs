using Inertia.Storage.Entries;

namespace Inertia.Storage.Public;

/// <summary>An entry as a public feed page lists it.</summary>
internal sealed record PublicEntryItem(long Id, string? Title, DateTimeOffset PublishedAt)
{
    public EntryCursor Cursor => new(PublishedAt.ToUnixTimeMilliseconds(), Id);
}

/// <summary>One page of a public feed's entries, and where the next one starts (null at the end).</summary>
internal sealed record PublicEntryPage(IReadOnlyList<PublicEntryItem> Items, EntryCursor? Next);
