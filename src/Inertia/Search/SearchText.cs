using System.Globalization;
using System.Text;

namespace Inertia.Search;

/// <summary>
/// Turns text into the terms the search index holds, the same way for what is indexed and what is asked,
/// so that both engines match alike. Text is folded first: compatibility forms to their plain form
/// (full-width ＡＢＣ１ to ABC1), lower case, and accents off Latin, Greek and Cyrillic letters. Then
/// words of space-separated scripts are terms as they are, while runs of scripts written without spaces (Chinese, Japanese, Korean,
/// Thai) become their overlapping pairs of characters (北京大学 → 北京 京大 大学), so that any
/// substring of two or more characters is a phrase of consecutive pairs. Each character of such a run is a
/// term too, kept after the field's other terms so that no phrase spans it: a one-character query is one term.
/// </summary>
internal static class SearchText
{
    /// <summary>The most characters of one field that are indexed (a long article's first 200,000).</summary>
    public const int MaxFieldLength = 200_000;

    /// <summary>Longer words are not indexed (encoded blobs, not words; PostgreSQL refuses terms over 2 KB).</summary>
    public const int MaxTermLength = 100;

    /// <summary>The terms of <paramref name="text"/> in order, the single characters of unspaced runs after the rest.</summary>
    public static List<string> Terms(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        // One pass over the folded text by index: every term is one substring of it (this runs for every entry stored).
        var folded = Fold(text.Length > MaxFieldLength ? text[..MaxFieldLength] : text);
        var terms = new List<string>(folded.Length / 4);
        List<string>? tails = null;
        var i = 0;
        while (i < folded.Length)
        {
            var (codePoint, width) = At(folded, i);
            if (IsUnspaced(codePoint))
            {
                // Each character with the next is a pair; a run of one character is a term where it stands, and every
                // character of a longer run is a term too, kept after the field's other terms.
                var runStart = i;
                var previous = i;
                var characters = 0;
                while (i < folded.Length)
                {
                    var (next, nextWidth) = At(folded, i);
                    if (!IsUnspaced(next))
                    {
                        break;
                    }
                    if (characters++ > 0)
                    {
                        terms.Add(folded.Substring(previous, i + nextWidth - previous));
                    }
                    previous = i;
                    i += nextWidth;
                }
                if (characters == 1)
                {
                    terms.Add(folded.Substring(runStart, i - runStart));
                    continue;
                }
                tails ??= [];
                for (var at = runStart; at < i; at += At(folded, at).Width)
                {
                    tails.Add(folded.Substring(at, At(folded, at).Width));
                }
            }
            else if (IsWord(codePoint))
            {
                var start = i;
                while (i < folded.Length && At(folded, i) is var (next, nextWidth) && IsWord(next) && !IsUnspaced(next))
                {
                    i += nextWidth;
                }
                if (i - start <= MaxTermLength)
                {
                    terms.Add(folded.Substring(start, i - start));
                }
            }
            else
            {
                i += width;
            }
        }
        if (tails is not null)
        {
            terms.AddRange(tails);
        }
        return terms;
    }

    /// <summary>The code point at <paramref name="index"/> and how many chars it takes (2 for a surrogate pair).</summary>
    private static (int CodePoint, int Width) At(string text, int index)
    {
        var c = text[index];
        return char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? (char.ConvertToUtf32(c, text[index + 1]), 2)
            : (c, 1);
    }

    /// <summary>Letters, digits and marks (and private-use characters) make words; everything else separates them.</summary>
    private static bool IsWord(int codePoint) => codePoint < 0x80
        ? char.IsAsciiLetterOrDigit((char)codePoint)
        : codePoint is < 0xD800 or > 0xDFFF && IsWordRune(new Rune(codePoint));

    /// <summary>
    /// The terms a query word asks for, in order, as a phrase: a word of a spaced script is one term, a run of
    /// an unspaced script its pairs, a single character of one that character (which the index holds as a term).
    /// </summary>
    public static List<string> QueryTerms(string word)
    {
        var terms = new List<string>();
        foreach (var segment in Segments(Fold(word)))
        {
            if (!segment.Unspaced)
            {
                terms.Add(segment.Text);
                continue;
            }
            var characters = Characters(segment.Text);
            if (characters.Count == 1)
            {
                terms.Add(characters[0]);
                continue;
            }
            for (var i = 0; i + 1 < characters.Count; i++)
            {
                terms.Add(characters[i] + characters[i + 1]);
            }
        }
        return terms;
    }

    /// <summary>
    /// Text folded as the index folds it: compatibility forms to plain ones, lower case, no accents on Latin,
    /// Greek and Cyrillic letters. Highlighting and substring checks compare folded text.
    /// </summary>
    public static string Fold(string text)
    {
        // Most text is ASCII, kana, ideographs and Hangul, which folding leaves alone but for case: those are copied,
        // and only the runs between them (accents, full-width forms, punctuation) go through normalization.
        StringBuilder? folded = null;
        var previousIsAlphabetic = false;
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            while (end < text.Length && IsStable(text[end]))
            {
                end++;
            }
            if (end == text.Length && start == 0)
            {
                return LowerAscii(text);
            }
            folded ??= new StringBuilder(text.Length);
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                folded.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
                previousIsAlphabetic = char.IsAsciiLetter(c);
            }
            if (end == text.Length)
            {
                break;
            }
            var runEnd = end;
            while (runEnd < text.Length && !IsStable(text[runEnd]))
            {
                runEnd++;
            }
            previousIsAlphabetic = FoldRun(text.AsSpan(end, runEnd - end), folded, previousIsAlphabetic);
            start = runEnd;
        }
        return folded?.ToString() ?? "";
    }

    /// <summary>Whether folding leaves a character as it is, but for an ASCII letter's case.</summary>
    internal static bool IsStable(char c) =>
        c < 0x80 || c is >= '\u3041' and <= '\u3096' or >= '\u30A1' and <= '\u30FA' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7A3';

    /// <summary>Folds a run of characters that need it: compatibility decomposition, accents off alphabetic letters, lower case, composed again.</summary>
    private static bool FoldRun(ReadOnlySpan<char> run, StringBuilder folded, bool previousIsAlphabetic)
    {
        var decomposed = run.ToString().Normalize(NormalizationForm.FormKD);
        var piece = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark && previousIsAlphabetic)
            {
                continue;
            }
            previousIsAlphabetic = c < '\u0590' && char.IsLetter(c);
            piece.Append(char.ToLowerInvariant(c));
        }
        folded.Append(piece.ToString().Normalize(NormalizationForm.FormC));
        return previousIsAlphabetic;
    }

    /// <summary>ASCII letters in lower case, every other character as it is.</summary>
    private static string LowerAscii(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
    });

    /// <summary>Whether a character belongs to a script written without spaces between words.</summary>
    public static bool IsUnspaced(int codePoint) => codePoint switch
    {
        >= 0x0E00 and <= 0x0EFF => true, // Thai, Lao
        >= 0x1100 and <= 0x11FF => true, // Hangul Jamo
        >= 0x3040 and <= 0x30FF => true, // Hiragana, Katakana
        >= 0x3100 and <= 0x312F => true, // Bopomofo
        >= 0x3130 and <= 0x318F => true, // Hangul compatibility Jamo
        >= 0x31F0 and <= 0x31FF => true, // Katakana extensions
        >= 0x3400 and <= 0x4DBF => true, // CJK extension A
        >= 0x4E00 and <= 0x9FFF => true, // CJK unified ideographs
        >= 0xAC00 and <= 0xD7AF => true, // Hangul syllables
        >= 0xF900 and <= 0xFAFF => true, // CJK compatibility ideographs
        >= 0x20000 and <= 0x3FFFF => true, // CJK extensions B and later
        _ => false,
    };

    /// <summary>A run of word characters: a word of a spaced script, or a run of an unspaced one.</summary>
    internal readonly record struct Segment(string Text, bool Unspaced);

    /// <summary>Splits folded text into words and unspaced runs; everything else separates them.</summary>
    internal static IEnumerable<Segment> Segments(string folded)
    {
        var current = new StringBuilder();
        var unspaced = false;
        foreach (var rune in folded.EnumerateRunes())
        {
            var isUnspaced = IsUnspaced(rune.Value);
            var isWord = isUnspaced || IsWord(rune.Value);
            if (current.Length > 0 && (!isWord || isUnspaced != unspaced))
            {
                yield return new Segment(current.ToString(), unspaced);
                current.Clear();
            }
            if (isWord)
            {
                AppendRune(current, rune);
                unspaced = isUnspaced;
            }
        }
        if (current.Length > 0)
        {
            yield return new Segment(current.ToString(), unspaced);
        }
    }

    private static void AppendRune(StringBuilder builder, Rune rune)
    {
        Span<char> chars = stackalloc char[2];
        builder.Append(chars[..rune.EncodeToUtf16(chars)]);
    }

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.PrivateUse => true,
        _ => false,
    };

    /// <summary>The characters of a run, a surrogate pair (an extension-B ideograph) as one.</summary>
    private static List<string> Characters(string run)
    {
        var characters = new List<string>(run.Length);
        foreach (var rune in run.EnumerateRunes())
        {
            characters.Add(rune.ToString());
        }
        return characters;
    }
}
