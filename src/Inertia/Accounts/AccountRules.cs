using System.Security.Cryptography;

namespace Inertia.Accounts;

/// <summary>What makes a user name and a password acceptable, with messages that say what to change.</summary>
internal static class AccountRules
{
    public const int MinimumPasswordLength = 8;

    /// <summary>The problem with a user name, or null: 1–64 letters, digits, '.', '_', '-' or '@'.</summary>
    public static RuleProblem? CheckUsername(string? username)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            return new RuleProblem("A user name is required.");
        }
        if (username.Length > 64)
        {
            return new RuleProblem("A user name has at most {0} characters.", 64);
        }
        foreach (var c in username)
        {
            if (!(char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
            {
                return new RuleProblem("A user name may hold letters, digits and . _ - @ only; '{0}' is not allowed.", c);
            }
        }
        return null;
    }

    /// <summary>The problem with a password, or null.</summary>
    public static RuleProblem? CheckPassword(string? password) =>
        password is null || password.Length < MinimumPasswordLength
            ? new RuleProblem("A password needs at least {0} characters.", MinimumPasswordLength)
            : null;

    /// <summary>A random password of 20 characters from an alphabet without look-alikes.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
