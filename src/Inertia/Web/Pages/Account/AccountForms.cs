using Inertia.Accounts;
using Inertia.Web.Localization;

namespace Inertia.Web.Pages.Account;

/// <summary>The checks the account forms share (set-up, new user, password change), with translated messages.</summary>
internal static class AccountForms
{
    /// <summary>What is wrong with a new user name and password, or null.</summary>
    public static string? CheckNew(string? username, string? password, string? confirm, Translator t) =>
        AccountRules.CheckUsername(username) is { } badName ? t[badName.Format, badName.Arguments]
        : CheckPassword(password, confirm, t);

    /// <summary>What is wrong with a new password and its confirmation, or null.</summary>
    public static string? CheckPassword(string? password, string? confirm, Translator t) =>
        AccountRules.CheckPassword(password) is { } badPassword ? t[badPassword.Format, badPassword.Arguments]
        : password != confirm ? t["The two passwords differ."]
        : null;

    /// <summary>The time zone name when this machine knows it, else null.</summary>
    public static string? KnownTimeZone(string? name) =>
        !string.IsNullOrWhiteSpace(name) && TimeZoneInfo.TryFindSystemTimeZoneById(name.Trim(), out var zone) ? zone.Id : null;
}
