using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Inertia.Web.Api.Miniflux;

/// <summary>
/// Remembers HTTP Basic credentials that were right, for a few minutes, so that a client sending them with
/// every request costs one password hash (100,000 PBKDF2 rounds) now and then rather than each time. Only
/// a keyed hash of name and password is kept, with a key that lives and dies with the process. An entry
/// holds the user's security stamp: a changed password or a disabled account no longer matches.
/// </summary>
internal sealed class BasicCredentialCache(TimeProvider time)
{
    private const int MaxEntries = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (long UserId, string Stamp, DateTimeOffset Until)> _verified = new(StringComparer.Ordinal);

    public bool TryGet(string username, string password, out long userId, out string stamp)
    {
        if (_verified.TryGetValue(Key(username, password), out var entry) && entry.Until > time.GetUtcNow())
        {
            (userId, stamp) = (entry.UserId, entry.Stamp);
            return true;
        }
        (userId, stamp) = (0, "");
        return false;
    }

    public void Add(string username, string password, long userId, string stamp)
    {
        if (_verified.Count >= MaxEntries)
        {
            _verified.Clear();
        }
        _verified[Key(username, password)] = (userId, stamp, time.GetUtcNow() + Lifetime);
    }

    private string Key(string username, string password) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(username.Trim().ToLowerInvariant() + "\0" + password)));
}
