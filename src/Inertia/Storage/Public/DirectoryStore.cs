using Dapper;
using Inertia.Catalog;

namespace Inertia.Storage.Public;

/// <summary>
/// The recommended-feeds directory: its sources (seeded once from the shipped catalog, edited by
/// administrators), the stored feeds they name, and which feeds that makes public.
/// </summary>
internal sealed class DirectoryStore(Database database)
{
    /// <summary>
    /// The condition, on a feed aliased <c>f</c>, that it is public: a public directory source names it, by
    /// the link made when someone subscribed from the directory or else by its URL.
    /// </summary>
    public const string FeedIsPublic = $"EXISTS (SELECT 1 FROM directory_feeds d WHERE {PublicSourceNamesFeed})";

    // A directory source (alias d) that is public and names the feed aliased f: the one rule of what is public.
    private const string PublicSourceNamesFeed = "d.is_public AND (d.feed_id = f.id OR (d.feed_id IS NULL AND d.feed_url = f.url))";

    // The stored feed a directory source (alias d) names: the linked one, else the one under its URL.
    private const string KnownFeed = "COALESCE(d.feed_id, (SELECT x.id FROM feeds x WHERE x.url = d.feed_url))";

    /// <summary>
    /// Loads <paramref name="sources"/> unless a catalog called <paramref name="catalogName"/> was loaded before;
    /// returns how many sources were added. The load and its record are one transaction, so processes starting
    /// together load it once.
    /// </summary>
    public Task<int> SeedAsync(string catalogName, IReadOnlyList<CatalogSource> sources, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var claimed = await connection.ExecuteScalarAsync<string?>(
                "INSERT INTO directory_seeds (name, seeded_at) VALUES (@catalogName, @now) ON CONFLICT (name) DO NOTHING RETURNING name",
                new { catalogName, now }, transaction);
            if (claimed is null)
            {
                return 0;
            }
            var added = 0;
            foreach (var source in sources)
            {
                added += await InsertAsync(connection, transaction, source, now);
            }
            return added;
        }, cancellationToken);

    /// <summary>The sources <paramref name="filter"/> selects, by category then name, with whether <paramref name="userId"/> (if any) follows each.</summary>
    public Task<IReadOnlyList<DirectoryFeed>> ListAsync(DirectoryFilter filter, long? userId, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = Where(filter);
        parameters.Add("userId", userId, System.Data.DbType.Int64);
        var sql = $"""
            {Select}
            WHERE {where}
            ORDER BY d.category, LOWER(d.name), d.id
            """;
        return database.ReadAsync<IReadOnlyList<DirectoryFeed>>(async c => (await c.QueryAsync<DirectoryFeed>(sql, parameters)).ToList(), cancellationToken);
    }

    /// <summary>One source, or null.</summary>
    public Task<DirectoryFeed?> GetAsync(long id, long? userId = null, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.QuerySingleOrDefaultAsync<DirectoryFeed?>($"{Select} WHERE d.id = @id", new { id, userId }), cancellationToken);

    /// <summary>The categories and languages of every source, with how many sources each has.</summary>
    public Task<(IReadOnlyList<DirectoryFacet> Categories, IReadOnlyList<DirectoryFacet> Languages)> FacetsAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<(IReadOnlyList<DirectoryFacet>, IReadOnlyList<DirectoryFacet>)>(async c => (
            (await c.QueryAsync<DirectoryFacet>("SELECT category AS value, COUNT(*) AS count FROM directory_feeds GROUP BY category ORDER BY category")).ToList(),
            (await c.QueryAsync<DirectoryFacet>("SELECT language AS value, COUNT(*) AS count FROM directory_feeds GROUP BY language ORDER BY language")).ToList()),
            cancellationToken);

    /// <summary>Adds a source; null when one with that feed URL exists already.</summary>
    public Task<long?> AddAsync(CatalogSource source, bool isPublic, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var id = await connection.ExecuteScalarAsync<long?>(
                $"{Insert} RETURNING id", Parameters(source, isPublic, now), transaction);
            return id;
        }, cancellationToken);

    /// <summary>Changes a source, unless there is no such source or another has that feed URL.</summary>
    public Task<DirectoryChange> UpdateAsync(long id, CatalogSource source, bool isPublic, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = Parameters(source, isPublic, now);
            parameters.Add("id", id);
            if (await connection.ExecuteScalarAsync<long?>("SELECT id FROM directory_feeds WHERE feed_url = @feedUrl AND id <> @id", parameters, transaction) is not null)
            {
                return DirectoryChange.DuplicateUrl;
            }
            // A new feed URL names another feed: the link to the old one goes.
            var changed = await connection.ExecuteAsync(
                """
                UPDATE directory_feeds
                SET name = @name, site_url = @siteUrl, icon_url = @iconUrl, category = @category, language = @language,
                    description = @description, is_public = @isPublic, updated_at = @now,
                    feed_id = CASE WHEN feed_url = @feedUrl THEN feed_id ELSE NULL END, feed_url = @feedUrl
                WHERE id = @id
                """, parameters, transaction);
            return changed == 1 ? DirectoryChange.Done : DirectoryChange.NotFound;
        }, cancellationToken);

    /// <summary>Removes a source (the feed and its subscribers stay); false when there is no such source.</summary>
    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
            await connection.ExecuteAsync("DELETE FROM directory_feeds WHERE id = @id", new { id }, transaction) == 1, cancellationToken);

    /// <summary>Records that a source's feed is stored as <paramref name="feedId"/> (found when someone subscribed from the directory).</summary>
    public Task LinkFeedAsync(long id, long feedId, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync("UPDATE directory_feeds SET feed_id = @feedId WHERE id = @id", new { id, feedId }, transaction), cancellationToken);

    /// <summary>
    /// The newest <paramref name="limit"/> entries of the public feeds of the sources <paramref name="filter"/>
    /// selects, together, newest first: what the directory's own feed (RSS, Atom, JSON Feed) publishes.
    /// </summary>
    public Task<IReadOnlyList<OutEntry>> RecentPublicEntriesAsync(DirectoryFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = Where(filter);
        parameters.Add("limit", limit);
        // The newest ids first, then their rows: the sort carries no article bodies.
        var sql = $"""
            SELECT e.id AS entry_id, COALESCE(f.title, f.url) AS feed_title, f.url AS feed_url, f.site_url,
                   e.title, e.url, e.authors AS authors_json, e.categories AS categories_json,
                   e.published_at, e.updated_at, e.changed_at, e.summary, e.content
            FROM (SELECT n.id FROM entries n
                  WHERE n.feed_id IN (SELECT f.id FROM feeds f WHERE EXISTS (SELECT 1 FROM directory_feeds d WHERE {PublicSourceNamesFeed} AND {where}))
                  ORDER BY n.published_at DESC, n.id DESC LIMIT @limit) newest
            JOIN entries e ON e.id = newest.id
            JOIN feeds f ON f.id = e.feed_id
            ORDER BY e.published_at DESC, e.id DESC
            """;
        return database.ReadAsync<IReadOnlyList<OutEntry>>(async c => (await c.QueryAsync<OutEntry>(sql, parameters)).ToList(), cancellationToken);
    }

    /// <summary>The condition, on a source aliased <c>d</c>, that <paramref name="filter"/> selects it, and its parameters.</summary>
    private static (string Where, DynamicParameters Parameters) Where(DirectoryFilter filter)
    {
        var where = new List<string> { "1 = 1" };
        var parameters = new DynamicParameters();
        if (filter.Category is { Length: > 0 } category)
        {
            where.Add("d.category = @category");
            parameters.Add("category", category);
        }
        if (filter.Language is { Length: > 0 } language)
        {
            where.Add("d.language = @language");
            parameters.Add("language", language);
        }
        if (filter.NameContains is { Length: > 0 } text)
        {
            where.Add(@"LOWER(d.name) LIKE @pattern ESCAPE '\'");
            parameters.Add("pattern", "%" + Like.Escape(text.Trim().ToLowerInvariant()) + "%");
        }
        return (string.Join(" AND ", where), parameters);
    }

    private const string Select =
        $"""
        SELECT d.id, d.name, d.feed_url, d.site_url, d.icon_url, d.category, d.language, d.description, d.is_public,
               f.id AS known_feed_id, f.icon_hash, sub.id IS NOT NULL AS is_subscribed
        FROM directory_feeds d
        LEFT JOIN feeds f ON f.id = {KnownFeed}
        LEFT JOIN subscriptions sub ON sub.feed_id = f.id AND sub.user_id = @userId
        """;

    private const string Insert =
        """
        INSERT INTO directory_feeds (name, feed_url, site_url, icon_url, category, language, description, is_public, created_at, updated_at)
        VALUES (@name, @feedUrl, @siteUrl, @iconUrl, @category, @language, @description, @isPublic, @now, @now)
        ON CONFLICT (feed_url) DO NOTHING
        """;

    private static Task<int> InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CatalogSource source, DateTimeOffset now) =>
        connection.ExecuteAsync(Insert, Parameters(source, isPublic: true, now), transaction);

    private static DynamicParameters Parameters(CatalogSource source, bool isPublic, DateTimeOffset now)
    {
        var parameters = new DynamicParameters();
        parameters.Add("name", source.Name);
        parameters.Add("feedUrl", source.FeedUrl);
        parameters.Add("siteUrl", source.SiteUrl);
        parameters.Add("iconUrl", source.IconUrl);
        parameters.Add("category", source.Category);
        parameters.Add("language", source.Language);
        parameters.Add("description", source.Description);
        parameters.Add("isPublic", isPublic);
        parameters.Add("now", now);
        return parameters;
    }
}
