namespace Inertia.Storage;

/// <summary>A user account.</summary>
internal sealed record User
{
    public long Id { get; init; }
    public required string Username { get; init; }
    public bool IsAdmin { get; init; }
    public bool IsDisabled { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
