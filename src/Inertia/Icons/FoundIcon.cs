namespace Inertia.Icons;

/// <summary>An icon found for a site: its media type (from its bytes), the bytes, and where it came from.</summary>
internal sealed record FoundIcon(string MediaType, byte[] Data, Uri Source);
