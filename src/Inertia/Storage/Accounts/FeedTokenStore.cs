using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Inertia.Storage.Accounts;

/// <summary>
/// The secret in the addresses of a user's private feeds: 256 random bits, compared in constant time.
/// Regenerating replaces it, so every address made with the old one answers 404 from then on.
/// </summary>
internal sealed class FeedTokenStore(Database database)
{
    /// <summary>The user's token, or null when the user has not made feed addresses yet.</summary>
    public Task<string?> GetAsync(long userId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(c => c.ExecuteScalarAsync<string?>("SELECT token FROM feed_out_tokens WHERE user_id = @userId", new { userId }), cancellationToken);

    /// <summary>Gives the user a new token (the first, or one that replaces the old); returns it.</summary>
    public Task<string> RegenerateAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO feed_out_tokens (user_id, token, created_at) VALUES (@userId, @token, @now)
                ON CONFLICT (user_id) DO UPDATE SET token = excluded.token, created_at = excluded.created_at
                """, new { userId, token, now }, transaction);
            return token;
        }, cancellationToken);
    }

    /// <summary>Whether <paramref name="token"/> is the user's current one.</summary>
    public async Task<bool> IsValidAsync(long userId, string token, CancellationToken cancellationToken = default) =>
        await GetAsync(userId, cancellationToken) is { } stored
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
