using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Inertia.Feeds;

namespace Inertia.Storage;

/// <summary>
/// Merges a fetched feed's entries into the stored ones: a new entry is inserted (and is unread for every
/// subscriber); an entry seen again is updated in place only when what it says changed (a hash of its
/// fields tells); entries that dropped out of the feed are kept. Identity is the parser's entry id, unique
/// per feed, so nothing is ever duplicated.
/// </summary>
internal static class EntryMerge
{
    private const int Chunk = 200;
    private const string Columns = "feed_id, guid, url, title, authors, summary, content, published_at, updated_at, created_at, changed_at, categories, enclosures, comments_url, image_url, language, hash";

    public static async Task<MergeResult> MergeAsync(Database database, DbConnection connection, DbTransaction transaction, long feedId, IReadOnlyList<Entry> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inserted = 0;
        var updated = 0;
        for (var start = 0; start < entries.Count; start += Chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = entries.Skip(start).Take(Chunk).Select(e => new Row(feedId, e, now)).ToList();
            var known = (await connection.QueryAsync<(string Guid, long Id, string Hash)>(
                    $"SELECT guid, id, hash FROM entries WHERE feed_id = @feedId AND {database.InList("guid", "@guids")}",
                    new { feedId, guids = chunk.Select(r => r.Guid).ToList() }, transaction))
                .ToDictionary(k => k.Guid, StringComparer.Ordinal);
            var fresh = chunk.Where(r => !known.ContainsKey(r.Guid)).ToList();
            foreach (var changed in chunk.Where(r => known.TryGetValue(r.Guid, out var k) && k.Hash != r.Hash))
            {
                await connection.ExecuteAsync(
                    """
                    UPDATE entries SET url = @Url, title = @Title, authors = @Authors, summary = @Summary, content = @Content,
                        published_at = @PublishedAt, updated_at = @UpdatedAt, changed_at = @ChangedAt, categories = @Categories,
                        enclosures = @Enclosures, comments_url = @CommentsUrl, image_url = @ImageUrl, language = @Language, hash = @Hash
                    WHERE id = @id
                    """,
                    new { id = known[changed.Guid].Id, changed.Url, changed.Title, changed.Authors, changed.Summary, changed.Content, changed.PublishedAt, changed.UpdatedAt, changed.ChangedAt, changed.Categories, changed.Enclosures, changed.CommentsUrl, changed.ImageUrl, changed.Language, changed.Hash },
                    transaction);
                updated++;
            }
            if (fresh.Count > 0)
            {
                var ids = await InsertAsync(connection, transaction, fresh);
                await connection.ExecuteAsync(
                    $"""
                    INSERT INTO entry_states (user_id, entry_id, feed_id)
                    SELECT s.user_id, e.id, e.feed_id FROM entries e JOIN subscriptions s ON s.feed_id = e.feed_id
                    WHERE e.feed_id = @feedId AND {database.InList("e.id", "@ids")}
                    ON CONFLICT DO NOTHING
                    """,
                    new { feedId, ids }, transaction);
                inserted += ids.Count;
            }
        }
        return new MergeResult(inserted, updated);
    }

    /// <summary>Inserts rows with one multi-row statement; an entry another process inserted meanwhile is skipped.</summary>
    private static async Task<List<long>> InsertAsync(DbConnection connection, DbTransaction transaction, List<Row> rows)
    {
        var sql = new StringBuilder($"INSERT INTO entries ({Columns}) VALUES ");
        var parameters = new DynamicParameters();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            sql.Append(i == 0 ? "" : ", ").Append(System.Globalization.CultureInfo.InvariantCulture,
                $"(@f{i}, @g{i}, @u{i}, @t{i}, @a{i}, @s{i}, @c{i}, @p{i}, @up{i}, @cr{i}, @ch{i}, @cat{i}, @enc{i}, @cu{i}, @img{i}, @l{i}, @h{i})");
            parameters.Add($"f{i}", r.FeedId);
            parameters.Add($"g{i}", r.Guid);
            parameters.Add($"u{i}", r.Url);
            parameters.Add($"t{i}", r.Title);
            parameters.Add($"a{i}", r.Authors);
            parameters.Add($"s{i}", r.Summary);
            parameters.Add($"c{i}", r.Content);
            parameters.Add($"p{i}", r.PublishedAt);
            parameters.Add($"up{i}", r.UpdatedAt);
            parameters.Add($"cr{i}", r.ChangedAt);
            parameters.Add($"ch{i}", r.ChangedAt);
            parameters.Add($"cat{i}", r.Categories);
            parameters.Add($"enc{i}", r.Enclosures);
            parameters.Add($"cu{i}", r.CommentsUrl);
            parameters.Add($"img{i}", r.ImageUrl);
            parameters.Add($"l{i}", r.Language);
            parameters.Add($"h{i}", r.Hash);
        }
        sql.Append(" ON CONFLICT (feed_id, guid) DO NOTHING RETURNING id");
        return (await connection.QueryAsync<long>(sql.ToString(), parameters, transaction)).ToList();
    }

    /// <summary>An entry as stored; lists are JSON text.</summary>
    private sealed class Row
    {
        public Row(long feedId, Entry entry, DateTimeOffset now)
        {
            FeedId = feedId;
            Guid = entry.Id;
            Url = entry.Link;
            Title = entry.Title;
            Authors = entry.Authors.Count == 0 ? null : JsonSerializer.Serialize(entry.Authors, StorageJson.Default.IReadOnlyListPerson);
            Summary = entry.Summary;
            Content = entry.Content;
            // Entries without a date sort by when they were first seen; dates in the future are not believed.
            var published = entry.Published ?? entry.Updated ?? now;
            PublishedAt = published > now ? now : published;
            UpdatedAt = entry.Updated;
            ChangedAt = now;
            Categories = entry.Categories.Count == 0 ? null : JsonSerializer.Serialize(entry.Categories, StorageJson.Default.IReadOnlyListString);
            Enclosures = entry.Enclosures.Count == 0 ? null : JsonSerializer.Serialize(entry.Enclosures, StorageJson.Default.IReadOnlyListEnclosure);
            CommentsUrl = entry.CommentsUrl;
            ImageUrl = entry.ImageUrl;
            Language = entry.Language;
            Hash = HashOf(entry);
        }

        public long FeedId { get; }
        public string Guid { get; }
        public string? Url { get; }
        public string? Title { get; }
        public string? Authors { get; }
        public string? Summary { get; }
        public string? Content { get; }
        public DateTimeOffset PublishedAt { get; }
        public DateTimeOffset? UpdatedAt { get; }
        public DateTimeOffset ChangedAt { get; }
        public string? Categories { get; }
        public string? Enclosures { get; }
        public string? CommentsUrl { get; }
        public string? ImageUrl { get; }
        public string? Language { get; }
        public string Hash { get; }

        /// <summary>What a reader would notice changing: text, link, dates, people, tags and media. Not the first-seen time.</summary>
        private string HashOf(Entry entry)
        {
            var material = string.Join('\u001F', Url, Title, Summary, Content, entry.Published?.ToUnixTimeSeconds(), entry.Updated?.ToUnixTimeSeconds(), Authors, Categories, Enclosures, CommentsUrl, ImageUrl);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)).AsSpan(0, 16));
        }
    }
}
