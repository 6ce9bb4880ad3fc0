using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Inertia.Feeds;
using Inertia.Rules;
using Inertia.Storage.Entries;

namespace Inertia.Storage.Feeds;

/// <summary>
/// The scheduler's storage: claiming due feeds under a lease (so that no two workers fetch one feed at
/// once, and a dead worker's claims expire), and recording a fetch: fetch state, feed details and entries,
/// in one transaction.
/// </summary>
internal sealed class RefreshStore(Database database)
{
    private const string Returning = "RETURNING id, url, etag, last_modified, body_hash, error_count, check_interval_seconds";

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

    /// <summary>Claims one feed whether or not it is due (refresh now); null when it does not exist or a claim on it holds.</summary>
    public Task<FeedToFetch?> ClaimAsync(long feedId, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.QuerySingleOrDefaultAsync<FeedToFetch?>(
            $"""
            UPDATE feeds SET lease_owner = @owner, lease_until = @until
            WHERE id = @feedId AND (lease_until IS NULL OR lease_until < @now)
            {Returning}
            """,
            new { feedId, owner, now, until = now + lease }, transaction), cancellationToken);

    /// <summary>
    /// Extends a claim when work on the feed really starts (it may have waited behind its host's other
    /// feeds); false when the claim was lost to another worker meanwhile, and the feed must be skipped.
    /// </summary>
    public Task<bool> RenewAsync(long feedId, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(
            "UPDATE feeds SET lease_until = @until WHERE id = @feedId AND lease_owner = @owner",
            new { feedId, owner, until = now + lease }, transaction) == 1, cancellationToken);

    /// <summary>Gives up every claim an owner still holds (its round ended, or it is shutting down).</summary>
    public Task<int> ReleaseAllAsync(string owner, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            "UPDATE feeds SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = @owner",
            new { owner }, transaction), cancellationToken);

    /// <summary>
    /// Records a fetch and releases the claim. With a parsed feed, the feed's details are updated and its
    /// entries merged. Nothing is written when the claim was lost to another worker (it expired).
    /// </summary>
    public async Task<MergeResult?> CompleteAsync(long feedId, string owner, FetchStateChange change, Feed? parsed, CancellationToken cancellationToken = default)
    {
        var rows = parsed is null ? null : EntryMerge.Prepare(parsed.Entries, change.FetchedAt);
        var started = Stopwatch.GetTimestamp();
        var rules = rows is null ? null : await RulesOnArrival.PrepareAsync(database, feedId, rows.Select(r => r.Arriving).ToList(), change.FetchedAt, cancellationToken);
        var preparingRules = Stopwatch.GetElapsedTime(started);
        return await database.WriteAsync<MergeResult?>(async (connection, transaction) =>
        {
            // Checking the claim by updating the row also locks it, so no other worker can take it over
            // between this check and the writes that follow.
            if (!await UpdateFetchStateAsync(connection, transaction, feedId, owner, change))
            {
                return null;
            }
            if (parsed is null)
            {
                return new MergeResult(0, 0);
            }
            await UpdateDetailsAsync(connection, transaction, feedId, parsed, change.FetchedAt);
            var merged = await EntryMerge.MergeAsync(database, connection, transaction, feedId, rows!, rules, change.FetchedAt, cancellationToken);
            return merged with { InRules = merged.InRules + (rules is null ? TimeSpan.Zero : preparingRules) };
        }, cancellationToken);
    }

    private static async Task<bool> UpdateFetchStateAsync(DbConnection connection, DbTransaction transaction, long feedId, string owner, FetchStateChange change)
    {
        var held = await connection.ExecuteAsync(
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
            WHERE id = @feedId AND lease_owner = @owner
            """,
            new { feedId, owner, change.FetchedAt, change.Status, change.Succeeded, change.Etag, change.LastModified, change.BodyHash, change.Error, change.NextCheckAt, change.CheckIntervalSeconds, change.IsGone },
            transaction);
        if (held == 0)
        {
            return false;
        }
        if (change.MovedTo is not null)
        {
            // A feed already stored under the new address keeps it; this one goes on through the redirect.
            await connection.ExecuteAsync(
                "UPDATE feeds SET url = @MovedTo WHERE id = @feedId AND NOT EXISTS (SELECT 1 FROM feeds other WHERE other.url = @MovedTo)",
                new { feedId, change.MovedTo }, transaction);
        }
        return true;
    }

    private static Task<int> UpdateDetailsAsync(DbConnection connection, DbTransaction transaction, long feedId, Feed feed, DateTimeOffset parsedAt) =>
        connection.ExecuteAsync(
            """
            UPDATE feeds SET
                title = COALESCE(@Title, title),
                site_url = COALESCE(@Link, site_url),
                description = COALESCE(@Description, description),
                language = COALESCE(@Language, language),
                format = @format,
                image_url = COALESCE(@Image, image_url),
                last_parsed_at = @parsedAt
            WHERE id = @feedId
            """,
            new { feedId, feed.Title, feed.Link, feed.Description, feed.Language, format = feed.Format.ToContractName(), Image = feed.Icon ?? feed.Image, parsedAt },
            transaction);
}
