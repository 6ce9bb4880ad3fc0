using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Inertia.Storage.Entries;

/// <summary>
/// A place in a list of entries: the sort key of the last entry shown. The next page starts after it, so
/// entries arriving meanwhile neither shift nor repeat what the reader sees (keyset pagination).
/// </summary>
internal readonly record struct EntryCursor(long PublishedAt, long EntryId)
{
    /// <summary>The form used in URLs: "publishedAt-entryId" (Unix milliseconds and the entry id).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PublishedAt}-{EntryId}");

    public static bool TryParse([NotNullWhen(true)] string? text, out EntryCursor cursor)
    {
        cursor = default;
        var dash = text?.IndexOf('-', 1) ?? -1;
        if (dash < 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var publishedAt)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var entryId))
        {
            return false;
        }
        cursor = new EntryCursor(publishedAt, entryId);
        return true;
    }
}
