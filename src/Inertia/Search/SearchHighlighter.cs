using System.Text;

namespace Inertia.Search;

/// <summary>
/// Finds what a query asked for in plain text, as the index would (folded: case, accents and full-width forms do not
/// matter), to mark it in titles and to cut snippets around it. It returns pieces of the original text, never markup:
/// the page encodes them and wraps the matches itself, so stored HTML is never touched.
/// </summary>
internal static class SearchHighlighter
{
    /// <summary>
    /// Something to mark: folded text, found anywhere in a run of an unspaced script, and as whole words (or word
    /// starts, for <see cref="Prefix"/>) elsewhere.
    /// </summary>
    internal sealed record Needle(string Folded, bool Prefix);

    /// <summary>A piece of text, marked or not.</summary>
    internal readonly record struct Piece(string Text, bool Marked);

    /// <summary><paramref name="text"/> in pieces, the matches of <paramref name="needles"/> marked.</summary>
    public static IReadOnlyList<Piece> Mark(string text, IReadOnlyList<Needle> needles)
    {
        var ranges = Find(text, needles);
        var pieces = new List<Piece>();
        var at = 0;
        foreach (var (start, end) in ranges)
        {
            if (start > at)
            {
                pieces.Add(new Piece(text[at..start], false));
            }
            pieces.Add(new Piece(text[start..end], true));
            at = end;
        }
        if (at < text.Length)
        {
            pieces.Add(new Piece(text[at..], false));
        }
        return pieces;
    }

    /// <summary>
    /// About <paramref name="length"/> characters of <paramref name="text"/> around the first match (from the start
    /// when nothing matches), with "…" where it was cut.
    /// </summary>
    public static string Excerpt(string text, IReadOnlyList<Needle> needles, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }
        var first = Find(text, needles).Select(r => r.Start).DefaultIfEmpty(0).First();
        var start = Math.Max(0, first - length / 4);
        // Start at a word's beginning in spaced scripts.
        if (start > 0)
        {
            var space = text.LastIndexOf(' ', start, Math.Min(start, 20));
            start = space > 0 ? space + 1 : start;
        }
        var end = Math.Min(text.Length, start + length);
        if (end < text.Length)
        {
            var space = text.LastIndexOf(' ', end - 1, Math.Min(end - start, 20));
            end = space > start ? space : end;
        }
        if (char.IsLowSurrogate(text[start]))
        {
            start++;
        }
        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }
        return (start > 0 ? "…" : "") + text[start..end].Trim() + (end < text.Length ? "…" : "");
    }

    /// <summary>The ranges of the original text that match, in order, not overlapping.</summary>
    private static List<(int Start, int End)> Find(string text, IReadOnlyList<Needle> needles)
    {
        var ranges = new List<(int, int)>();
        if (needles.Count == 0 || text.Length == 0)
        {
            return ranges;
        }
        var (folded, origin) = FoldWithOrigins(text);
        foreach (var needle in needles)
        {
            if (needle.Folded.Length == 0)
            {
                continue;
            }
            var unspaced = needle.Folded.EnumerateRunes().All(r => SearchText.IsUnspaced(r.Value));
            for (var at = folded.IndexOf(needle.Folded, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(needle.Folded, at + 1, StringComparison.Ordinal))
            {
                var end = at + needle.Folded.Length;
                if (!unspaced && (IsWordBefore(folded, at) || (!needle.Prefix && IsWordAt(folded, end))))
                {
                    continue;
                }
                if (needle.Prefix && !unspaced)
                {
                    while (IsWordAt(folded, end))
                    {
                        end++;
                    }
                }
                ranges.Add((origin[at], end < origin.Length ? origin[end] : text.Length));
            }
        }
        ranges.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.Item1 <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.Item2));
            }
            else
            {
                merged.Add(range);
            }
        }
        return merged;
    }

    private static bool IsWordBefore(string folded, int at) => at > 0 && IsWordChar(folded[at - 1]);

    private static bool IsWordAt(string folded, int at) => at < folded.Length && IsWordChar(folded[at]);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && !SearchText.IsUnspaced(c);

    /// <summary>The text folded a character at a time, with the index in the original text each folded character came from.</summary>
    private static (string Folded, int[] Origin) FoldWithOrigins(string text)
    {
        var folded = new StringBuilder(text.Length);
        var origin = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length;)
        {
            if (SearchText.IsStable(text[i]))
            {
                folded.Append(text[i] is >= 'A' and <= 'Z' ? (char)(text[i] + 32) : text[i]);
                origin.Add(i);
                i++;
                continue;
            }
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            foreach (var c in SearchText.Fold(text.Substring(i, width)))
            {
                folded.Append(c);
                origin.Add(i);
            }
            i += width;
        }
        origin.Add(text.Length);
        return (folded.ToString(), origin.ToArray());
    }
}
