namespace Inertia.Web.Public;

/// <summary>Marks a page that anyone may read, so that <see cref="PublicPageCache"/> makes it cacheable.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class PublicCacheAttribute : Attribute;
