namespace Inertia.Icons;

/// <summary>An icon found for a site: its media type (from its bytes) and the bytes.</summary>
internal sealed record FoundIcon(string MediaType, byte[] Data);
