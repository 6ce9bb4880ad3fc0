namespace Inertia.Catalog;

/// <summary>A recommended source as the shipped catalog and the administrators' form give it.</summary>
internal sealed record CatalogSource(string Name, string FeedUrl, string? SiteUrl, string? IconUrl, string Category, string Language, string Description)
{
    /// <summary>Whether <paramref name="code"/> can be a source's language: a short code of ASCII letters and hyphens, such as <c>en</c> or <c>zh-Hant</c>.</summary>
    public static bool IsLanguageCode(string code) => code.Length is > 0 and <= 16 && code.All(c => char.IsAsciiLetter(c) || c == '-');
}
