using System.Buffers.Text;
using System.Security.Cryptography;

namespace Inertia.Storage.Public;

/// <summary>Share codes: 128 random bits from the system's cryptographic generator, written as 22 base64url characters.</summary>
internal static class ShareCode
{
    public const int Length = 22;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="code"/> could be a code at all (anything else needs no database look-up).</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
