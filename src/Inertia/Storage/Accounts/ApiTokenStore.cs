using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Inertia.Storage.Accounts;

/// <summary>
/// Users' API tokens. A token is 256 random bits shown once when created; only its SHA-256 hash is kept, so
/// a stolen database gives no usable token, and finding a token's user is one indexed look-up.
/// </summary>
internal sealed class ApiTokenStore(Database database)
{
    /// <summary>How often a token's "last used" time is written: not on every request.</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    /// <summary>Creates a token; returns it with its secret, which exists nowhere else afterwards.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(long userId, string description, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var id = await database.WriteAsync((connection, transaction) => connection.ExecuteScalarAsync<long>(
            "INSERT INTO api_tokens (user_id, description, token_hash, created_at) VALUES (@userId, @description, @hash, @now) RETURNING id",
            new { userId, description, hash = Hash(secret), now }, transaction), cancellationToken);
        return (new ApiToken { Id = id, Description = description, CreatedAt = now }, secret);
    }

    public Task<IReadOnlyList<ApiToken>> ListAsync(long userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<ApiToken>>(async c => (await c.QueryAsync<ApiToken>(
            "SELECT id, description, created_at, last_used_at FROM api_tokens WHERE user_id = @userId ORDER BY created_at, id", new { userId })).ToList(),
            cancellationToken);

    /// <summary>Revokes one of the user's tokens; false when the user has no such token.</summary>
    public Task<bool> DeleteAsync(long userId, long tokenId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) => await connection.ExecuteAsync(
            "DELETE FROM api_tokens WHERE user_id = @userId AND id = @tokenId", new { userId, tokenId }, transaction) == 1, cancellationToken);

    /// <summary>The token with this secret and its user's id, or null; records the use (at most once a minute).</summary>
    public async Task<(long TokenId, long UserId)?> UseAsync(string secret, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var hash = Hash(secret);
        var token = await database.ReadAsync(c => c.QuerySingleOrDefaultAsync<TokenRow?>(
            "SELECT id, user_id, last_used_at FROM api_tokens WHERE token_hash = @hash", new { hash }), cancellationToken);
        if (token is null)
        {
            return null;
        }
        if (token.LastUsedAt is not { } last || now - last >= TouchEvery)
        {
            await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
                "UPDATE api_tokens SET last_used_at = @now WHERE id = @id", new { id = token.Id, now }, transaction), cancellationToken);
        }
        return (token.Id, token.UserId);
    }

    private sealed record TokenRow
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public DateTimeOffset? LastUsedAt { get; init; }
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
