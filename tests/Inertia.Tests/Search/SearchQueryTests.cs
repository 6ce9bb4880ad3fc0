using Inertia.Search;

namespace Inertia.Tests.Search;

/// <summary>The query language: what each form reads as, and the message a query that cannot be read gets.</summary>
public sealed class SearchQueryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static SearchNode Parse(string text) => SearchQuery.Parse(text, Now, TimeZoneInfo.Utc).Root;

    private static SearchQueryException Error(string text) => Assert.Throws<SearchQueryException>(() => SearchQuery.Parse(text, Now, TimeZoneInfo.Utc));

    [Fact]
    public void Words_side_by_side_must_all_appear()
    {
        var all = Assert.IsType<AllOf>(Parse("linux kernel"));
        Assert.Equal(["linux", "kernel"], all.Parts.Cast<TextMatch>().Select(t => t.Terms.Single()));
    }

    [Fact]
    public void A_quoted_phrase_and_a_word_of_several_terms_are_phrases()
    {
        var phrase = Assert.IsType<TextMatch>(Parse("\"Exact  Phrase\""));
        Assert.Equal(["exact", "phrase"], phrase.Terms);
        Assert.False(phrase.Prefix);
        Assert.Equal(["北京", "京大", "大学"], Assert.IsType<TextMatch>(Parse("北京大学")).Terms);
        Assert.Equal(["e", "mail"], Assert.IsType<TextMatch>(Parse("e-mail")).Terms);
    }

    [Fact]
    public void A_star_searches_by_prefix_and_a_single_chinese_character_is_a_term()
    {
        var prefix = Assert.IsType<TextMatch>(Parse("secur*"));
        Assert.Equal(["secur"], prefix.Terms);
        Assert.True(prefix.Prefix);
        var single = Assert.IsType<TextMatch>(Parse("京"));
        Assert.Equal(["京"], single.Terms);
        Assert.False(single.Prefix);
        Assert.False(Assert.IsType<TextMatch>(Parse("北京")).Prefix);
        // After other terms, a single character starts the pair that follows them.
        Assert.True(Assert.IsType<TextMatch>(Parse("iPhone手")).Prefix);
    }

    [Fact]
    public void Minus_leaves_out_and_or_binds_closer_than_words_side_by_side()
    {
        var all = Assert.IsType<AllOf>(Parse("a OR b c -d"));
        var any = Assert.IsType<AnyOf>(all.Parts[0]);
        Assert.Equal(2, any.Parts.Count);
        Assert.IsType<TextMatch>(all.Parts[1]);
        Assert.IsType<TextMatch>(Assert.IsType<Without>(all.Parts[2]).Part);
        // Lower-case "or" is a word, and a hyphen inside a word is not an exclusion.
        Assert.Equal(3, Assert.IsType<AllOf>(Parse("this or that")).Parts.Count);
        Assert.IsType<TextMatch>(Parse("well-known"));
    }

    [Fact]
    public void Parentheses_group()
    {
        var all = Assert.IsType<AllOf>(Parse("(kernel OR linux) (bug OR flaw)"));
        Assert.All(all.Parts, p => Assert.IsType<AnyOf>(p));
    }

    [Fact]
    public void Fields_name_what_they_search()
    {
        Assert.Equal(SearchField.Title, Assert.IsType<TextMatch>(Parse("title:kernel")).Field);
        Assert.Equal(SearchField.Author, Assert.IsType<TextMatch>(Parse("Author:\"Alice Smith\"")).Field);
        Assert.Equal(["alice", "smith"], Assert.IsType<TextMatch>(Parse("author:\"Alice Smith\"")).Terms);
        Assert.Equal(SearchField.Tag, Assert.IsType<TextMatch>(Parse("tag:安全")).Field);
        Assert.Equal("The Register", Assert.IsType<InFeed>(Parse("feed:\"The Register\"")).Text);
        Assert.Equal("Tech", Assert.IsType<InFolder>(Parse("folder:Tech")).Text);
        Assert.Equal("github.com", Assert.IsType<UrlContains>(Parse("url:github.com")).Text);
        Assert.Equal(EntryState.Unread, Assert.IsType<StateIs>(Parse("is:unread")).State);
        Assert.Equal(EntryState.Starred, Assert.IsType<StateIs>(Parse("is:STARRED")).State);
    }

    [Fact]
    public void Dates_are_days_in_the_readers_zone_and_ages_count_back_from_now()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var before = Assert.IsType<PublishedRange>(SearchQuery.Parse("before:2026-01-01", Now, shanghai).Root);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), before.Before);
        Assert.Null(before.After);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), Assert.IsType<PublishedRange>(Parse("after:2026-03")).After);
        Assert.Equal(Now.AddDays(-7), Assert.IsType<PublishedRange>(Parse("newer:7d")).After);
        Assert.Equal(Now.AddHours(-12), Assert.IsType<PublishedRange>(Parse("newer:12h")).After);
        Assert.Equal(Now.AddDays(-14), Assert.IsType<PublishedRange>(Parse("newer:2w")).After);
    }

    [Fact]
    public void A_regular_expression_stands_on_its_own_and_matches_case_insensitively()
    {
        var query = SearchQuery.Parse("kernel /sponsor(ed)?\\/ad/ -/buy now/", Now, TimeZoneInfo.Utc);
        Assert.True(query.HasRegex);
        Assert.Matches(query.Required.Single(), "SPONSORED/ad");
        Assert.Matches(query.Excluded.Single(), "Buy Now");
    }

    [Theory]
    [InlineData("\"unclosed phrase", 1, "never closed")]
    [InlineData("kernel (linux OR bsd", 8, "never closed")]
    [InlineData("kernel)", 7, "closes no")]
    [InlineData("kernel OR", 8, "both sides")]
    [InlineData("OR kernel", 1, "both sides")]
    [InlineData("/unclosed", 1, "no closing")]
    [InlineData("/(unbalanced/", 1, "cannot be used")]
    [InlineData("/(a)\\1/", 1, "cannot be used")]
    [InlineData("is:maybe", 4, "unread, read, starred or hidden")]
    [InlineData("before:yesterday", 8, "date such as")]
    [InlineData("newer:7 days", 7, "age such as")]
    [InlineData("title:", 7, "needs something")]
    [InlineData("a OR /x/", 1, "on its own")]
    [InlineData("(kernel /x/)", 9, "on its own")]
    [InlineData("\"?!\"", 1, "no letters or digits")]
    [InlineData("--", 1, "nothing to search for")]
    public void A_query_that_cannot_be_read_says_where_and_why(string text, int position, string says)
    {
        var error = Error(text);
        Assert.Equal(position, error.Position);
        Assert.Contains(says, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Queries_are_bounded()
    {
        Assert.Contains("at most", Error(string.Join(' ', Enumerable.Range(0, 50).Select(i => "w" + i))).Message, StringComparison.Ordinal);
        Assert.Contains("at most", Error(new string('a', SearchQuery.MaxLength + 1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlights_are_the_words_looked_for_not_those_left_out()
    {
        var query = SearchQuery.Parse("Kernel 北京 secur* -sponsored title:update", Now, TimeZoneInfo.Utc);
        Assert.Equal(["kernel", "北京", "secur", "update"], query.Highlights.Select(h => h.Folded));
        Assert.True(query.Highlights.Single(h => h.Folded == "secur").Prefix);
    }
}
