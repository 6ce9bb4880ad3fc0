using Inertia.Search;

namespace Inertia.Tests.Search;

/// <summary>The terms the index holds, and how results are marked and cut.</summary>
public sealed class SearchTextTests
{
    [Fact]
    public void Words_are_folded_and_unspaced_runs_become_pairs_with_their_characters_after_the_rest()
    {
        Assert.Equal(["linux", "kernel", "cafe", "naive"], SearchText.Terms("Linux KERNEL, Café naïve."));
        Assert.Equal(["北京", "京大", "大学", "在", "北", "京", "大", "学"], SearchText.Terms("北京大学 在"));
        Assert.Equal(["iphone", "手机", "手", "机"], SearchText.Terms("iPhone手机"));
        Assert.Equal(["abc123", "全角", "全", "角"], SearchText.Terms("ＡＢＣ１２３全角"));
        Assert.Equal(["서울", "서", "울"], SearchText.Terms("서울"));
        Assert.Equal(["東京", "京は", "は明", "明日", "東", "京", "は", "明", "日"], SearchText.Terms("東京は明日"));
    }

    [Theory]
    [InlineData("Café naïve RÉSUMÉ")]
    [InlineData("ＡＢＣ１２３，北京大学（新闻）。")]
    [InlineData("がぎぐ ﾊﾟｿｺﾝ ｶﾞ")]
    [InlineData("서울은 내일 비가 옵니다")]
    [InlineData("Ελληνικά Ёжик हिन्दी ไทย")]
    [InlineData("ﬁnance ① ㍿ ™ e\u0301 A\u030A")]
    [InlineData("mixed 中文English１２Ｚ 한국어 ＡＢＣ")]
    public void Folding_copies_what_it_need_not_normalize_and_gives_what_normalizing_everything_gives(string text)
    {
        Assert.Equal(ReferenceFold(text), SearchText.Fold(text));
    }

    /// <summary>The definition: decompose for compatibility, take accents off Latin, Greek and Cyrillic letters, lower the case, compose.</summary>
    private static string ReferenceFold(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormKD);
        var folded = new System.Text.StringBuilder();
        var previousIsAlphabetic = false;
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark && previousIsAlphabetic)
            {
                continue;
            }
            previousIsAlphabetic = c < '\u0590' && char.IsLetter(c);
            folded.Append(char.ToLowerInvariant(c));
        }
        return folded.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    [Fact]
    public void Characters_beyond_the_basic_plane_are_one_character()
    {
        // 𠀀 is CJK extension B: a surrogate pair that must not be split.
        Assert.Equal(["𠀀中", "𠀀", "中"], SearchText.Terms("𠀀中"));
    }

    [Fact]
    public void Very_long_words_are_not_indexed()
    {
        Assert.Equal(["short"], SearchText.Terms("short " + new string('x', SearchText.MaxTermLength + 1)));
    }

    [Fact]
    public void Matches_are_marked_in_the_original_text_as_the_index_would_find_them()
    {
        var needles = new[] { new SearchHighlighter.Needle("cafe", false), new SearchHighlighter.Needle("北京", false), new SearchHighlighter.Needle("secur", true) };
        var pieces = SearchHighlighter.Mark("Le CAFÉ de 北京大学: security, insecure", needles);
        Assert.Equal(["CAFÉ", "北京", "security"], pieces.Where(p => p.Marked).Select(p => p.Text));
        Assert.Equal("Le CAFÉ de 北京大学: security, insecure", string.Concat(pieces.Select(p => p.Text)));
        // Full-width letters are found by their plain form, and kept as written.
        Assert.Equal(["ＡＢＣ"], SearchHighlighter.Mark("全角ＡＢＣ", [new SearchHighlighter.Needle("abc", false)]).Where(p => p.Marked).Select(p => p.Text));
    }

    [Fact]
    public void An_excerpt_is_cut_around_the_first_match()
    {
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => "word" + i)) + " the kernel is here " + string.Join(' ', Enumerable.Range(0, 200).Select(i => "more" + i));
        var excerpt = SearchHighlighter.Excerpt(text, [new SearchHighlighter.Needle("kernel", false)], 120);
        Assert.StartsWith("…", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.Contains("kernel", excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.Length <= 122);
    }
}
