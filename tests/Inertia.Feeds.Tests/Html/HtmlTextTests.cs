using Inertia.Feeds.Html;

namespace Inertia.Feeds.Tests.Html;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<b>Hello</b>, <i>World</i>!", "Hello, World!")]
    [InlineData("<a href=\"https://example.org/\">Release <code>v2.0</code></a> is out", "Release v2.0 is out")]
    [InlineData("Plain title", "Plain title")]
    [InlineData("", "")]
    public void Tags_are_removed_from_titles(string html, string expected) => Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Theory]
    [InlineData("Caf&eacute; &amp; Bar &#8212; it&#x2019;s", "Café & Bar — it’s")]
    [InlineData("&copy 2024 &lt;tag&gt;", "© 2024 <tag>")]
    [InlineData("Fish &amp;amp; Chips", "Fish &amp; Chips")]
    [InlineData("&amp;lt;b&amp;gt;", "&lt;b&gt;")]
    [InlineData("AT&T &unknown;", "AT&T &unknown;")]
    public void Entities_are_decoded_exactly_once(string html, string expected) => Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Theory]
    [InlineData("a&nbsp;&nbsp;b\u00A0 c", "a b c")]
    [InlineData("  line one\n\n   line two\r\n\t", "line one line two")]
    [InlineData("wide\u3000space\u2003em\u2009thin", "wide space em thin")]
    [InlineData("\u00A0\u00A0padded\u00A0\u00A0", "padded")]
    public void Whitespace_collapses_to_single_spaces_and_is_trimmed(string html, string expected) =>
        Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Theory]
    [InlineData("a < b", "a < b")]
    [InlineData("x<3", "x<3")]
    [InlineData("1 <= 2 && 3 > 2", "1 <= 2 && 3 > 2")]
    public void Less_than_that_starts_no_tag_stays_text(string html, string expected) => Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Theory]
    [InlineData("<script>alert(1)</script>Title<style>p { color: red }</style>", "Title")]
    [InlineData("Before<!-- a comment -->After", "BeforeAfter")]
    [InlineData("<noscript>Enable JS</noscript>Text<iframe src=\"https://www.youtube.com/embed/x\">fallback</iframe>", "Text")]
    [InlineData("<svg><text>chart</text></svg>Caption", "Caption")]
    public void Script_style_and_other_hidden_content_is_dropped(string html, string expected) =>
        Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Theory]
    [InlineData("<p>one</p><p>two</p>", "one two")]
    [InlineData("line<br>break", "line break")]
    [InlineData("<ul><li>a</li><li>b</li></ul>", "a b")]
    [InlineData("<h1>Title</h1>Body", "Title Body")]
    [InlineData("<table><tr><td>x</td><td>y</td></tr></table>", "x y")]
    [InlineData("<b>bo</b>ld <span>in</span>line", "bold inline")]
    public void Block_elements_separate_words_and_inline_ones_do_not(string html, string expected) =>
        Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Theory]
    [InlineData("<p>你好，世界</p><p>第二段</p>", "你好，世界 第二段")]
    [InlineData("<b>日本語</b>のテキスト", "日本語のテキスト")]
    public void Cjk_text_is_kept_without_added_spaces(string html, string expected) => Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Fact]
    public void Nul_and_control_characters_are_removed() => Assert.Equal("ab c", HtmlText.ToPlainText("a\0b\u0001 c\u0007"));

    [Theory]
    [InlineData(20, "The quick brown fox…")]
    [InlineData(18, "The quick brown…")]
    [InlineData(43, "The quick brown fox jumps over the lazy dog")]
    [InlineData(100, "The quick brown fox jumps over the lazy dog")]
    [InlineData(1, "…")]
    public void English_snippet_is_cut_at_a_word_boundary(int maxLength, string expected)
    {
        var snippet = HtmlText.Snippet("<p>The quick <b>brown</b> fox jumps over the lazy dog</p>", maxLength);

        Assert.Equal(expected, snippet);
        Assert.True(snippet.Length <= maxLength);
    }

    [Theory]
    [InlineData(6, "敏捷的棕色…")]
    [InlineData(12, "敏捷的棕色狐狸跳过了懒狗")]
    [InlineData(11, "敏捷的棕色狐狸跳过了…")]
    public void Chinese_snippet_is_cut_anywhere(int maxLength, string expected) =>
        Assert.Equal(expected, HtmlText.Snippet("<p>敏捷的棕色狐狸跳过了懒狗</p>", maxLength));

    [Fact]
    public void Mixed_snippet_may_break_next_to_a_cjk_character() =>
        Assert.Equal("使用Rust…", HtmlText.Snippet("使用Rust编写的高性能服务器", 7));

    [Fact]
    public void Snippet_of_one_long_word_is_cut_inside_it() =>
        Assert.Equal("Supercali…", HtmlText.Snippet("Supercalifragilistic", 10));

    [Fact]
    public void Snippet_counts_block_elements_as_word_breaks() =>
        Assert.Equal("Title Body…", HtmlText.Snippet("<h1>Title</h1><p>Body text here</p>", 11));

    [Fact]
    public void Snippet_never_splits_a_surrogate_pair() => Assert.Equal("😀…", HtmlText.Snippet("😀😀😀😀", 4));

    [Fact]
    public void Snippet_length_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HtmlText.Snippet("text", 0));
}
