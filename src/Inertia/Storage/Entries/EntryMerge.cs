using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Inertia.Feeds;
using Inertia.Feeds.Html;
using Inertia.Rules;
using Inertia.Search;

namespace Inertia.Storage.Entries;

/// <summary>
/// Merges a fetched feed's entries into the stored ones: a new entry is inserted (and is unread for every
/// subscriber); an entry seen again is updated in place only when what it says changed (a hash of its
/// fields tells), keeping its read and starred state; entries that dropped out of the feed are kept.
/// Identity is the parser's entry id, unique per feed, so nothing is ever duplicated. Every entry the
/// document lists is marked seen, which retention respects. Each subscriber's rules act on the new entries
/// in the same transaction (<see cref="RulesOnArrival"/>).
/// </summary>
internal static class EntryMerge
{
    private const int Chunk = 200;
    private const string Columns = "feed_id, guid, url, title, authors, summary, content, snippet, published_at, updated_at, created_at, changed_at, last_seen_at, categories, enclosures, comments_url, image_url, language, hash";

    private const string InsertSql =
        $"INSERT INTO entries ({Columns}) VALUES (@f, @g, @u, @t, @a, @s, @c, @sn, @p, @up, @now, @now, @now, @cat, @enc, @cu, @img, @l, @h) ON CONFLICT (feed_id, guid) DO NOTHING RETURNING id";

    /// <summary>Turns parsed entries into rows (hashing and serializing) before any database work, outside SQLite's single writer.</summary>
    public static List<Row> Prepare(IReadOnlyList<Entry> entries, DateTimeOffset now) => entries.Select(e => new Row(e, now)).ToList();

    /// <summary>Merges the rows; <paramref name="rules"/> are the subscribers' rules, already matched against them (null: none).</summary>
    public static async Task<MergeResult> MergeAsync(Database database, DbConnection connection, DbTransaction transaction, long feedId, List<Row> rows, RulesOnArrival? rules, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inserted = 0;
        var updated = 0;
        var changedDocuments = new List<(long, SearchDocument)>();
        var arrived = new List<(long, string)>();
        for (var start = 0; start < rows.Count; start += Chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = rows.GetRange(start, Math.Min(Chunk, rows.Count - start));
            var guids = chunk.Select(r => r.Guid).ToList();
            var known = (await connection.QueryAsync<(string Guid, long Id, string Hash)>(
                    $"SELECT guid, id, hash FROM entries WHERE feed_id = @feedId AND {database.InList("guid", "@guids")}",
                    new { feedId, guids }, transaction))
                .ToDictionary(k => k.Guid, StringComparer.Ordinal);
            if (known.Count > 0)
            {
                await connection.ExecuteAsync(
                    $"UPDATE entries SET last_seen_at = @now WHERE feed_id = @feedId AND {database.InList("guid", "@seen")}",
                    new { now, feedId, seen = known.Keys.ToList() }, transaction);
            }
            foreach (var changed in chunk.Where(r => known.TryGetValue(r.Guid, out var k) && k.Hash != r.Hash))
            {
                // An entry without a date of its own keeps the date it was first stored with.
                await connection.ExecuteAsync(
                    """
                    UPDATE entries SET url = @Url, title = @Title, authors = @Authors, summary = @Summary, content = @Content, snippet = @Snippet,
                        published_at = CASE WHEN @HasDate THEN @PublishedAt ELSE published_at END, updated_at = @UpdatedAt, changed_at = @now,
                        categories = @Categories, enclosures = @Enclosures, comments_url = @CommentsUrl, image_url = @ImageUrl,
                        language = @Language, hash = @Hash
                    WHERE id = @id
                    """,
                    new { id = known[changed.Guid].Id, changed.Url, changed.Title, changed.Authors, changed.Summary, changed.Content, changed.Snippet, changed.HasDate, changed.PublishedAt, changed.UpdatedAt, now, changed.Categories, changed.Enclosures, changed.CommentsUrl, changed.ImageUrl, changed.Language, changed.Hash },
                    transaction);
                if (changed.HasDate)
                {
                    // Lists are ordered by the copy of the date each reader's state row holds.
                    await connection.ExecuteAsync(
                        "UPDATE entry_states SET published_at = @PublishedAt WHERE entry_id = @id AND published_at <> @PublishedAt",
                        new { id = known[changed.Guid].Id, changed.PublishedAt }, transaction);
                }
                changedDocuments.Add((known[changed.Guid].Id, changed.Search));
                updated++;
            }
            await SearchIndex.WriteAsync(database, connection, transaction, changedDocuments, cancellationToken);
            changedDocuments.Clear();
            var fresh = chunk.Where(r => !known.ContainsKey(r.Guid)).ToList();
            if (fresh.Count > 0)
            {
                var insertedRows = await InsertAsync(connection, transaction, feedId, fresh, now, cancellationToken);
                var ids = insertedRows.Select(r => r.Id).ToList();
                await SearchIndex.WriteAsync(database, connection, transaction, insertedRows.Select(r => (r.Id, r.Row.Search)).ToList(), cancellationToken);
                await connection.ExecuteAsync(
                    $"""
                    INSERT INTO entry_states (user_id, entry_id, feed_id, published_at, created_at)
                    SELECT s.user_id, e.id, e.feed_id, e.published_at, @now FROM entries e JOIN subscriptions s ON s.feed_id = e.feed_id
                    WHERE e.feed_id = @feedId AND {database.InList("e.id", "@ids")}
                    ON CONFLICT DO NOTHING
                    """,
                    new { feedId, ids, now }, transaction);
                inserted += ids.Count;
                arrived.AddRange(insertedRows.Select(r => (r.Id, r.Row.Guid)));
            }
        }
        var inRules = TimeSpan.Zero;
        if (arrived.Count > 0 && rules is not null)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await rules.WriteAsync(database, connection, transaction, arrived, now);
            inRules = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }
        return new MergeResult(inserted, updated) { InRules = inRules };
    }

    /// <summary>
    /// Inserts rows, skipping any that another process inserted meanwhile, and returns the rows inserted with
    /// their ids. Where the provider batches (PostgreSQL), all rows go in one round trip; SQLite, in-process,
    /// re-binds one prepared statement per row. Either is far cheaper than one multi-row statement parsed and
    /// planned afresh for every feed.
    /// </summary>
    private static async Task<List<(Row Row, long Id)>> InsertAsync(DbConnection connection, DbTransaction transaction, long feedId, List<Row> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = new List<(Row, long)>(rows.Count);
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in rows)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = InsertSql;
                foreach (var (name, value) in row.Values(feedId, now))
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
                batch.BatchCommands.Add(command);
            }
            // One result per row, in order: empty when the row was skipped.
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var index = 0;
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add((rows[index], reader.GetInt64(0)));
                }
                index++;
            }
            while (await reader.NextResultAsync(cancellationToken));
            return ids;
        }
        await using var single = connection.CreateCommand();
        single.Transaction = transaction;
        single.CommandText = InsertSql;
        foreach (var (name, _) in rows[0].Values(feedId, now))
        {
            var parameter = single.CreateParameter();
            parameter.ParameterName = name;
            single.Parameters.Add(parameter);
        }
        foreach (var row in rows)
        {
            var i = 0;
            foreach (var (_, value) in row.Values(feedId, now))
            {
                single.Parameters[i++].Value = value ?? DBNull.Value;
            }
            if (await single.ExecuteScalarAsync(cancellationToken) is { } id)
            {
                ids.Add((row, Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        return ids;
    }

    /// <summary>An entry as stored; lists are JSON text.</summary>
    internal sealed class Row
    {
        private const int SnippetLength = 300;

        public Row(Entry entry, DateTimeOffset now)
        {
            Guid = entry.Id;
            Url = entry.Link;
            Title = entry.Title;
            Authors = entry.Authors.Count == 0 ? null : JsonSerializer.Serialize(entry.Authors, StorageJson.Default.IReadOnlyListPerson);
            Summary = entry.Summary;
            Content = entry.Content;
            Snippet = (entry.Summary ?? entry.Content) is { } html && HtmlText.Snippet(html, SnippetLength) is { Length: > 0 } text ? text : null;
            // Entries without a date sort by when they were first seen; dates in the future are not believed.
            var published = entry.Published ?? entry.Updated;
            HasDate = published is not null;
            PublishedAt = published is null || published > now ? now : published.Value;
            UpdatedAt = entry.Updated;
            Categories = entry.Categories.Count == 0 ? null : JsonSerializer.Serialize(entry.Categories, StorageJson.Default.IReadOnlyListString);
            Enclosures = entry.Enclosures.Count == 0 ? null : JsonSerializer.Serialize(entry.Enclosures, StorageJson.Default.IReadOnlyListEnclosure);
            CommentsUrl = entry.CommentsUrl;
            ImageUrl = entry.ImageUrl;
            Language = entry.Language;
            Hash = HashOf(entry);
            Search = SearchDocument.Of(entry);
        }

        public string Guid { get; }
        public string? Url { get; }
        public string? Title { get; }
        public string? Authors { get; }
        public string? Summary { get; }
        public string? Content { get; }
        public string? Snippet { get; }
        public bool HasDate { get; }
        public DateTimeOffset PublishedAt { get; }
        public DateTimeOffset? UpdatedAt { get; }
        public string? Categories { get; }
        public string? Enclosures { get; }
        public string? CommentsUrl { get; }
        public string? ImageUrl { get; }
        public string? Language { get; }
        public string Hash { get; }

        /// <summary>What the search index holds of the entry.</summary>
        public SearchDocument Search { get; }

        /// <summary>The entry as rules meet it.</summary>
        public RulesOnArrival.Arriving Arriving => new(Guid, Url, PublishedAt, Search);

        /// <summary>The insert statement's parameters; times as Unix milliseconds.</summary>
        public IEnumerable<(string Name, object? Value)> Values(long feedId, DateTimeOffset now)
        {
            yield return ("@f", feedId);
            yield return ("@g", Guid);
            yield return ("@u", Url);
            yield return ("@t", Title);
            yield return ("@a", Authors);
            yield return ("@s", Summary);
            yield return ("@c", Content);
            yield return ("@sn", Snippet);
            yield return ("@p", PublishedAt.ToUnixTimeMilliseconds());
            yield return ("@up", UpdatedAt?.ToUnixTimeMilliseconds());
            yield return ("@now", now.ToUnixTimeMilliseconds());
            yield return ("@cat", Categories);
            yield return ("@enc", Enclosures);
            yield return ("@cu", CommentsUrl);
            yield return ("@img", ImageUrl);
            yield return ("@l", Language);
            yield return ("@h", Hash);
        }

        /// <summary>What a reader would notice changing: text, link, dates, people, tags and media. Not the first-seen time.</summary>
        private string HashOf(Entry entry)
        {
            var material = string.Join('\u001F', Url, Title, Summary, Content, entry.Published?.ToUnixTimeSeconds(), entry.Updated?.ToUnixTimeSeconds(), Authors, Categories, Enclosures, CommentsUrl, ImageUrl);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)).AsSpan(0, 16));
        }
    }
}
