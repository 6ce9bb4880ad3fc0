using Inertia.Accounts;

namespace Inertia.Storage.Accounts;

/// <summary>A user account.</summary>
internal sealed record User
{
    public long Id { get; init; }
    public required string Username { get; init; }
    public bool IsAdmin { get; init; }
    public bool IsDisabled { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Changes when the password changes or the account is disabled, ending the sessions issued before.</summary>
    public string SecurityStamp { get; init; } = "";

    public UserSettings Settings { get; init; } = new();
}
