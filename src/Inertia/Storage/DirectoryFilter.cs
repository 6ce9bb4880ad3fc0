namespace Inertia.Storage;

/// <summary>Which directory sources to list: one category, one language, names containing a text (each optional).</summary>
internal sealed record DirectoryFilter(string? Category = null, string? Language = null, string? NameContains = null);
