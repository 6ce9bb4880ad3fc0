using System.Security.Cryptography;
using System.Text;
using Inertia.Storage.Accounts;

namespace Inertia.Web.Api.GoogleReader;

/// <summary>
/// The two tokens of the Google Reader protocol. Neither is stored: each is an HMAC of the user's id keyed
/// with the hash of the user's API password — a server-side secret that changes whenever the API password
/// does, so every token made from the old password dies with it, in every process sharing the database.
/// The auth token (from ClientLogin, sent as <c>Authorization: GoogleLogin auth=NAME/HEX</c>) names its user
/// so that it can be checked with one lookup; the write token (<c>T</c>) proves the writer read a page of ours.
/// </summary>
internal static class GoogleReaderTokens
{
    public static string AuthToken(User user, string apiPasswordHash) => user.Username + "/" + Mac(apiPasswordHash, "auth", user.Id);

    public static string WriteToken(User user, string apiPasswordHash) => Mac(apiPasswordHash, "write", user.Id);

    /// <summary>The user an auth token belongs to, or null.</summary>
    public static async Task<(User User, string Hash)?> CheckAuthAsync(ApiCredentialStore credentials, string? token, CancellationToken cancellationToken)
    {
        var slash = token?.LastIndexOf('/') ?? -1;
        if (slash <= 0 || await credentials.FindAsync(token![..slash], cancellationToken) is not { } found)
        {
            return null;
        }
        return Same(Mac(found.Hash, "auth", found.User.Id), token[(slash + 1)..]) ? found : null;
    }

    public static bool CheckWrite(User user, string apiPasswordHash, string? token) =>
        token is not null && Same(WriteToken(user, apiPasswordHash), token.Trim());

    private static bool Same(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));

    private static string Mac(string key, string purpose, long userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"inertia-greader-{purpose}:{userId}")).AsSpan(0, 20));
}
