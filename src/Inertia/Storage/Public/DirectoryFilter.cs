namespace Inertia.Storage.Public;

/// <summary>Which directory sources to list: one category, one language, names containing a text (each optional).</summary>
internal sealed record DirectoryFilter(string? Category = null, string? Language = null, string? NameContains = null)
{
    /// <summary>
    /// The filter as the directory's addresses carry it, <c>?category=…&amp;language=…&amp;q=…</c> (only the parts
    /// set), or "" when it selects everything: the page and its feeds share it.
    /// </summary>
    public string ToQueryString()
    {
        var query = new List<string>();
        if (Category is { Length: > 0 })
        {
            query.Add("category=" + Uri.EscapeDataString(Category));
        }
        if (Language is { Length: > 0 })
        {
            query.Add("language=" + Uri.EscapeDataString(Language));
        }
        if (NameContains is { Length: > 0 })
        {
            query.Add("q=" + Uri.EscapeDataString(NameContains));
        }
        return query.Count == 0 ? "" : "?" + string.Join('&', query);
    }
}
