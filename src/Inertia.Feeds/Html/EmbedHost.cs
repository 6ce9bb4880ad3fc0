namespace Inertia.Feeds.Html;

/// <summary>A video or audio player that may be embedded in an iframe: its host and the path its player pages live under.</summary>
internal readonly record struct EmbedHost(string Host, string PathPrefix);
