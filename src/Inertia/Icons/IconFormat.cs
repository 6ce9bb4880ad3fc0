namespace Inertia.Icons;

/// <summary>
/// Recognises the raster image formats a site icon comes in from its first bytes, whatever the server's
/// Content-Type says. SVG is refused on purpose: served from Inertia's own origin, an SVG opened on its
/// own could run script.
/// </summary>
internal static class IconFormat
{
    /// <summary>The media type of the image, or null when the bytes are not one of the accepted formats.</summary>
    public static string? Detect(ReadOnlySpan<byte> data) => data switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [0x00, 0x00, 0x01, 0x00, ..] => "image/x-icon",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "image/gif",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        [(byte)'B', (byte)'M', ..] => "image/bmp",
        _ => null,
    };
}
