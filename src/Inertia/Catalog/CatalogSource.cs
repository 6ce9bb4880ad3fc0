namespace Inertia.Catalog;

/// <summary>A recommended source as the shipped catalog and the administrators' form give it.</summary>
internal sealed record CatalogSource(string Name, string FeedUrl, string? SiteUrl, string? IconUrl, string Category, string Language, string Description);
