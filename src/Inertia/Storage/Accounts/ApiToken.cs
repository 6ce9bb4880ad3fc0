namespace Inertia.Storage.Accounts;

/// <summary>One of a user's API tokens as settings list it; the secret itself is never stored.</summary>
internal sealed record ApiToken
{
    public long Id { get; init; }
    public required string Description { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
}
