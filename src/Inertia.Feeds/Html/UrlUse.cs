namespace Inertia.Feeds.Html;

/// <summary>Where a URL appears, which decides the schemes it may have.</summary>
internal enum UrlUse
{
    /// <summary>Media, citations, srcset candidates and iframes: http and https only.</summary>
    Resource,

    /// <summary>a href: http, https and mailto.</summary>
    Link,

    /// <summary>img src: http, https and base64 data: images of raster types (never SVG, which can script).</summary>
    Image,
}
