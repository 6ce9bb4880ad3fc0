namespace Inertia.FeedsOut;

/// <summary>The formats Inertia publishes feeds in, with their file extensions and media types.</summary>
internal enum OutFormat
{
    Rss,
    Atom,
    Json,
}
