using System.Data.Common;
using Dapper;
using Inertia.Feeds;

namespace Inertia.Storage;

/// <summary>A feed claimed for fetching, with what a conditional request needs.</summary>
internal sealed record FeedToFetch
{
    public long Id { get; init; }
    public required string Url { get; init; }
    public string? Etag { get; init; }
    public string? LastModified { get; init; }
    public string? BodyHash { get; init; }
    public int ErrorCount { get; init; }
    public int CheckIntervalSeconds { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
}

/// <summary>What one fetch changed in a feed's fetch state.</summary>
internal sealed record FetchStateChange
{
    public required DateTimeOffset FetchedAt { get; init; }
    public int? Status { get; init; }
    public string? Etag { get; init; }
    public string? LastModified { get; init; }
    public string? BodyHash { get; init; }
    public required DateTimeOffset NextCheckAt { get; init; }
    public required int CheckIntervalSeconds { get; init; }
    public bool Succeeded { get; init; }
    public string? Error { get; init; }
    public bool IsGone { get; init; }

    /// <summary>A new permanent address for the feed (after a 301/308 whose target served a valid feed).</summary>
    public string? MovedTo { get; init; }
}

/// <summary>How many entries a merge inserted and updated.</summary>
internal readonly record struct MergeResult(int Inserted, int Updated);

/// <summary>
/// The scheduler's storage: claiming due feeds under a lease (so that no two workers fetch one feed at
/// once, and a dead worker's claims expire), and recording a fetch: fetch state, feed details and entries,
/// in one transaction.
/// </summary>
internal sealed class RefreshStore(Database database)
{
    private const string Returning = "RETURNING id, url, etag, last_modified, body_hash, error_count, check_interval_seconds, last_success_at";

    /// <summary>Claims up to <paramref name="limit"/> feeds that are due and followed by at least one active user.</summary>
    public Task<IReadOnlyList<FeedToFetch>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken = default) =>
        database.WriteAsync<IReadOnlyList<FeedToFetch>>(async (connection, transaction) => (await connection.QueryAsync<FeedToFetch>(
            $"""
            UPDATE feeds SET lease_owner = @owner, lease_until = @until
            WHERE id IN (
                SELECT f.id FROM feeds f
                WHERE f.next_check_at <= @now AND NOT f.is_gone AND (f.lease_until IS NULL OR f.lease_until < @now)
                  AND EXISTS (SELECT 1 FROM subscriptions s JOIN users u ON u.id = s.user_id WHERE s.feed_id = f.id AND NOT u.is_disabled)
                ORDER BY f.next_check_at
                LIMIT @limit{database.SkipLocked})
            {Returning}
            """,
            new { owner, now, until = now + lease, limit }, transaction)).ToList(), cancellationToken);

    /// <summary>Claims one feed whether or not it is due (refresh now, first fetch after subscribing); null when another worker holds it.</summary>
    public Task<FeedToFetch?> ClaimAsync(long feedId, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.QuerySingleOrDefaultAsync<FeedToFetch?>(
            $"""
            UPDATE feeds SET lease_owner = @owner, lease_until = @until
            WHERE id = @feedId AND (lease_until IS NULL OR lease_until < @now OR lease_owner = @owner)
            {Returning}
            """,
            new { feedId, owner, now, until = now + lease }, transaction), cancellationToken);

    /// <summary>Gives up a claim without recording a fetch (shutting down).</summary>
    public Task ReleaseAsync(long feedId, string owner, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            "UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE id = @feedId AND lease_owner = @owner",
            new { feedId, owner }, transaction), cancellationToken);

    /// <summary>
    /// Records a fetch and releases the claim. With a parsed feed, the feed's details are updated and its
    /// entries merged. Nothing is written when the claim was lost to another worker (it expired).
    /// </summary>
    public Task<MergeResult?> CompleteAsync(long feedId, string owner, FetchStateChange change, Feed? parsed, CancellationToken cancellationToken = default) =>
        database.WriteAsync<MergeResult?>(async (connection, transaction) =>
        {
            var held = await connection.ExecuteScalarAsync<long?>(
                "SELECT id FROM feeds WHERE id = @feedId AND lease_owner = @owner", new { feedId, owner }, transaction);
            if (held is null)
            {
                return null;
            }
            await UpdateFetchStateAsync(connection, transaction, feedId, change);
            if (parsed is null)
            {
                return new MergeResult(0, 0);
            }
            await UpdateDetailsAsync(connection, transaction, feedId, parsed);
            return await EntryMerge.MergeAsync(database, connection, transaction, feedId, parsed.Entries, change.FetchedAt, cancellationToken);
        }, cancellationToken);

    private static async Task UpdateFetchStateAsync(DbConnection connection, DbTransaction transaction, long feedId, FetchStateChange change)
    {
        await connection.ExecuteAsync(
            """
            UPDATE feeds SET
                last_fetched_at = @FetchedAt,
                last_status = @Status,
                etag = CASE WHEN @Succeeded THEN @Etag ELSE etag END,
                last_modified = CASE WHEN @Succeeded THEN @LastModified ELSE last_modified END,
                body_hash = COALESCE(@BodyHash, body_hash),
                last_success_at = CASE WHEN @Succeeded THEN @FetchedAt ELSE last_success_at END,
                error_count = CASE WHEN @Succeeded THEN 0 ELSE error_count + 1 END,
                last_error = @Error,
                next_check_at = @NextCheckAt,
                check_interval_seconds = @CheckIntervalSeconds,
                is_gone = @IsGone,
                lease_owner = NULL,
                lease_until = NULL
            WHERE id = @feedId
            """,
            new { feedId, change.FetchedAt, change.Status, change.Succeeded, change.Etag, change.LastModified, change.BodyHash, change.Error, change.NextCheckAt, change.CheckIntervalSeconds, change.IsGone },
            transaction);
        if (change.MovedTo is not null)
        {
            // A feed already stored under the new address keeps it; this one goes on through the redirect.
            await connection.ExecuteAsync(
                "UPDATE feeds SET url = @MovedTo WHERE id = @feedId AND NOT EXISTS (SELECT 1 FROM feeds other WHERE other.url = @MovedTo)",
                new { feedId, change.MovedTo }, transaction);
        }
    }

    private static Task<int> UpdateDetailsAsync(DbConnection connection, DbTransaction transaction, long feedId, Feed feed) =>
        connection.ExecuteAsync(
            """
            UPDATE feeds SET
                title = COALESCE(@Title, title),
                site_url = COALESCE(@Link, site_url),
                description = COALESCE(@Description, description),
                language = COALESCE(@Language, language),
                format = @format,
                image_url = COALESCE(@Image, image_url),
                last_entry_count = @entryCount
            WHERE id = @feedId
            """,
            new { feedId, feed.Title, feed.Link, feed.Description, feed.Language, format = feed.Format.ToContractName(), Image = feed.Icon ?? feed.Image, entryCount = feed.Entries.Count },
            transaction);
}
