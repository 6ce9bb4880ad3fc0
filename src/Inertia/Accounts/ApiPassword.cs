using System.Security.Cryptography;
using System.Text;

namespace Inertia.Accounts;

/// <summary>
/// The password apps sign in with, kept apart from the account password so that a phone app never holds
/// the key to the account's settings. It is stored as a PBKDF2 hash like the account password, and beside
/// it the Fever key: Fever clients send md5("name:password") as their only credential, which a slow hash
/// cannot be checked against, so the key itself is kept (as FreshRSS does).
/// </summary>
internal sealed record ApiPassword(string Hash, string FeverKey)
{
    public static ApiPassword For(string username, string password) => new(PasswordHashing.Hash(password), FeverKeyOf(username, password));

    /// <summary>md5 hex of "name:password", lower case, as Fever clients compute it.</summary>
    public static string FeverKeyOf(string username, string password) =>
#pragma warning disable CA5351 // Fever's protocol dictates MD5; the key is compared, never used to protect data.
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(username + ":" + password)));
#pragma warning restore CA5351
}
