namespace Inertia.Feeds;

/// <summary>An author or contributor. At least one of the three parts is set.</summary>
/// <param name="Name">The display name, plain text.</param>
/// <param name="Email">An e-mail address, as given.</param>
/// <param name="Uri">A home page, absolute.</param>
public sealed record Person(string? Name, string? Email = null, string? Uri = null);
