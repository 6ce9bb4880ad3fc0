using Dapper;

namespace Inertia.Storage.Public;

/// <summary>
/// The entries of a user's published feeds: a folder's newest, a saved search's, or the starred ones most recently starred first.
/// Like every reading query it starts from the user's own state rows, so nothing of another user's can appear; like every
/// list, the folder's and the starred entries leave hidden ones out.
/// </summary>
internal sealed class OutEntryStore(Database database)
{
    /// <summary>How many entries a published feed carries.</summary>
    public const int Limit = 50;

    public Task<IReadOnlyList<OutEntry>> FolderAsync(long userId, long folderId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "s.feed_id IN (SELECT fs.feed_id FROM subscriptions fs WHERE fs.user_id = @userId AND fs.folder_id = @folderId) AND NOT s.is_hidden",
            "s.published_at DESC, s.entry_id DESC", new { userId, folderId, limit = Limit }, cancellationToken);

    public Task<IReadOnlyList<OutEntry>> StarredAsync(long userId, CancellationToken cancellationToken = default) =>
        QueryAsync("s.is_starred AND NOT s.is_hidden", "COALESCE(s.starred_at, s.published_at) DESC, s.entry_id DESC", new { userId, limit = Limit }, cancellationToken);

    /// <summary>The user's entries among <paramref name="entryIds"/> (a saved search's results, hidden ones only when it asked for them), newest first.</summary>
    public Task<IReadOnlyList<OutEntry>> OfEntriesAsync(long userId, IReadOnlyCollection<long> entryIds, CancellationToken cancellationToken = default) =>
        entryIds.Count == 0
            ? Task.FromResult<IReadOnlyList<OutEntry>>([])
            : QueryAsync(database.InList("s.entry_id", "@ids"), "s.published_at DESC, s.entry_id DESC", new { userId, ids = entryIds.ToList(), limit = Limit }, cancellationToken);

    private Task<IReadOnlyList<OutEntry>> QueryAsync(string condition, string order, object parameters, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OutEntry>>(async c => (await c.QueryAsync<OutEntry>(
            $"""
            SELECT s.entry_id, COALESCE(sub.title, f.title, f.url) AS feed_title, f.url AS feed_url, f.site_url,
                   e.title, e.url, e.authors AS authors_json, e.categories AS categories_json,
                   s.published_at, e.updated_at, e.changed_at, s.starred_at, e.summary, e.content
            FROM (SELECT s.entry_id, s.feed_id, s.user_id, s.published_at, s.starred_at
                  FROM entry_states s WHERE s.user_id = @userId AND {condition}
                  ORDER BY {order} LIMIT @limit) s
            JOIN entries e ON e.id = s.entry_id
            JOIN subscriptions sub ON sub.user_id = s.user_id AND sub.feed_id = s.feed_id
            JOIN feeds f ON f.id = s.feed_id
            ORDER BY {order}
            """, parameters)).ToList(), cancellationToken);
}
