using Dapper;

namespace Inertia.Storage.Labels;

/// <summary>
/// A reader's labels on their entries. Every statement is scoped to the user's own state rows: a label can only be
/// put on an entry the user has, and it goes when the state row goes (unsubscribing, retention).
/// </summary>
internal sealed class LabelStore(Database database)
{
    /// <summary>Puts <paramref name="name"/> on the user's entries among <paramref name="entryIds"/>; returns how many gained it.</summary>
    public Task<int> AddAsync(long userId, IReadOnlyCollection<long> entryIds, string name, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        entryIds.Count == 0
            ? Task.FromResult(0)
            : database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
                $"""
                INSERT INTO entry_labels (user_id, entry_id, label, label_key, created_at)
                SELECT s.user_id, s.entry_id, @name, @key, @now FROM entry_states s
                WHERE s.user_id = @userId AND {database.InList("s.entry_id", "@ids")}
                ON CONFLICT DO NOTHING
                """, new { userId, ids = entryIds.ToList(), name, key = LabelName.Key(name), now }, transaction), cancellationToken);

    /// <summary>Takes <paramref name="name"/> off the user's entries among <paramref name="entryIds"/>; returns how many lost it.</summary>
    public Task<int> RemoveAsync(long userId, IReadOnlyCollection<long> entryIds, string name, CancellationToken cancellationToken = default) =>
        entryIds.Count == 0
            ? Task.FromResult(0)
            : database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
                $"DELETE FROM entry_labels WHERE user_id = @userId AND label_key = @key AND {database.InList("entry_id", "@ids")}",
                new { userId, ids = entryIds.ToList(), key = LabelName.Key(name) }, transaction), cancellationToken);

    /// <summary>Takes a label off every entry of the user; returns how many lost it.</summary>
    public Task<int> DeleteAsync(long userId, string name, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            "DELETE FROM entry_labels WHERE user_id = @userId AND label_key = @key", new { userId, key = LabelName.Key(name) }, transaction), cancellationToken);

    /// <summary>The labels of each of the user's entries among <paramref name="entryIds"/>, by name.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<string>>> OfEntriesAsync(long userId, IReadOnlyCollection<long> entryIds, CancellationToken cancellationToken = default)
    {
        if (entryIds.Count == 0)
        {
            return new Dictionary<long, IReadOnlyList<string>>();
        }
        var rows = await database.ReadAsync(c => c.QueryAsync<(long EntryId, string Label)>(
            $"SELECT entry_id, label FROM entry_labels WHERE user_id = @userId AND {database.InList("entry_id", "@ids")} ORDER BY entry_id, label_key",
            new { userId, ids = entryIds.ToList() }), cancellationToken);
        return rows.GroupBy(r => r.EntryId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Label).ToList());
    }

    /// <summary>
    /// The user's labels, by name, with how many entries carry each as the label's list shows them: hidden ones are not
    /// counted, though a label they alone carry is still listed.
    /// </summary>
    public async Task<IReadOnlyList<EntryLabel>> ListAsync(long userId, CancellationToken cancellationToken = default) =>
        (await database.ReadAsync(c => c.QueryAsync<(string Label, long Count)>(
            """
            SELECT MIN(l.label), COUNT(CASE WHEN NOT s.is_hidden THEN 1 END)
            FROM entry_labels l JOIN entry_states s ON s.user_id = l.user_id AND s.entry_id = l.entry_id
            WHERE l.user_id = @userId GROUP BY l.label_key ORDER BY l.label_key
            """,
            new { userId }), cancellationToken)).Select(r => new EntryLabel(r.Label, r.Count)).ToList();
}
