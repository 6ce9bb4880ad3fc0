using Inertia.Storage.Entries;
using Inertia.Storage.Public;

namespace Inertia.Web.Pages.Directory;

/// <summary>An article as the public pages show it: the entry, its feed when that is public, and whether it came through a share link.</summary>
internal sealed record PublicArticleView(EntryDetail Entry, PublicFeed? Feed, bool Shared, TimeZoneInfo Zone)
{
    /// <summary>The original's address when it is a web address: the canonical URL, "Read original".</summary>
    public string? Original => Entry.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? url : null;

    /// <summary>The lead image, for link previews, when it is a web address.</summary>
    public string? Image => Entry.ImageUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? url : null;

    /// <summary>A description for search engines and link previews: the start of the article, cut at a word where it can be.</summary>
    public string? Description
    {
        get
        {
            if (Entry.Snippet is not { Length: > 0 } snippet)
            {
                return null;
            }
            const int Limit = 200;
            if (snippet.Length <= Limit)
            {
                return snippet;
            }
            var cut = snippet.LastIndexOf(' ', Limit);
            return string.Concat(snippet.AsSpan(0, cut > Limit / 2 ? cut : Limit), "…");
        }
    }

    public string Authors => string.Join(", ", Entry.Authors.Select(a => a.Name ?? a.Email ?? a.Uri).Where(n => !string.IsNullOrEmpty(n)));
}
