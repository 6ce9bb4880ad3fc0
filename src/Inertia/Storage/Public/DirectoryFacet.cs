namespace Inertia.Storage.Public;

/// <summary>A value a directory filter can take (a category, a language) and how many sources have it.</summary>
internal sealed record DirectoryFacet(string Value, long Count);
