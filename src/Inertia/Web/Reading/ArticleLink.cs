using System.Globalization;

namespace Inertia.Web.Reading;

/// <summary>Links to the article view that remember the list they came from and when it was shown.</summary>
internal static class ArticleLink
{
    public static string To(long entryId, ListRef list, long shownAt) =>
        string.Create(CultureInfo.InvariantCulture, $"/entries/{entryId}?from={list}&t={shownAt}");
}
