namespace Inertia.Storage.Public;

/// <summary>How changing a directory source ended.</summary>
internal enum DirectoryChange
{
    Done,
    NotFound,
    /// <summary>Another source has that feed URL.</summary>
    DuplicateUrl,
}
