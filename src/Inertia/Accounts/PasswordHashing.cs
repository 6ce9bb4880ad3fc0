using Microsoft.AspNetCore.Identity;

namespace Inertia.Accounts;

/// <summary>
/// Password hashes made with ASP.NET Core Identity's hasher: PBKDF2 with HMAC-SHA512, 100,000 iterations,
/// a random salt, and the format version inside the hash so that stronger settings can come later.
/// </summary>
internal static class PasswordHashing
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object NoUser = new();

    public static string Hash(string password) => Hasher.HashPassword(NoUser, password);

    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/>; comparison is constant-time.</summary>
    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(NoUser, hash, password) != PasswordVerificationResult.Failed;
}
