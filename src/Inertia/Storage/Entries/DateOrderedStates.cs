namespace Inertia.Storage.Entries;

/// <summary>
/// Lists of a user's read and unread state rows by publication time. Every state row a list can show is in exactly
/// one of two date-ordered partial indexes, unread or read (hidden entries are in neither; an index of all rows
/// beside them cost every new entry a second scattered write: see docs/performance.md), so such a list walks both
/// indexes, each stopping after the page, and merges the two short runs: a page costs a page's worth of rows however
/// long the list is, where one query over all rows would sort them all.
/// </summary>
internal static class DateOrderedStates
{
    /// <summary>
    /// The condition of a walk of the read index: the read rows a list shows. A hidden entry is read but in no list, and
    /// the index leaves it out; a walk that did not say so too would not be allowed the index by either planner.
    /// </summary>
    public const string Read = "s.is_read AND NOT s.is_hidden";

    /// <summary>Publication time, newest or oldest first, the entry id breaking ties; <paramref name="alias"/> is <c>"s."</c> or <c>""</c>.</summary>
    public static string Order(string alias, bool descending) =>
        descending ? $"{alias}published_at DESC, {alias}entry_id DESC" : $"{alias}published_at, {alias}entry_id";

    /// <summary>
    /// The first <paramref name="limit"/> rows of two walks together, in order: the walks select the same
    /// columns, named outright (a compound's ORDER BY matches its terms to those names), among them
    /// <c>published_at</c> and <c>entry_id</c>, each in that order and stopping after <paramref name="limit"/> rows.
    /// </summary>
    public static string Merge(string unreadWalk, string readWalk, bool descending, string limit) =>
        $"SELECT * FROM ({unreadWalk}) unread_rows UNION ALL SELECT * FROM ({readWalk}) read_rows ORDER BY {Order("", descending)} LIMIT {limit}";
}
