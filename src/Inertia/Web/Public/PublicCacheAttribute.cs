namespace Inertia.Web.Public;

/// <summary>Marks a page that anyone may read, so that <see cref="PublicPageCache"/> makes it cacheable.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class PublicCacheAttribute : Attribute
{
    /// <summary>
    /// Whether caches must ask again each time (with the ETag, answered 304 while it is unchanged) rather than
    /// reuse the page for a while: a share link can be revoked, and then it must close at once.
    /// </summary>
    public bool Revalidate { get; init; }
}
