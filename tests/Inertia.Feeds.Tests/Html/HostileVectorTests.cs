using Inertia.Feeds.Html;

namespace Inertia.Feeds.Tests.Html;

public sealed class HostileVectorTests
{
    private static readonly Uri Base = new("https://example.com/posts/1/");

    public static TheoryData<string> Vectors => [.. HostileVectors.All];

    [Fact]
    public void The_corpus_holds_more_than_eighty_vectors() => Assert.True(HostileVectors.All.Length > 80);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Hostile_vector_is_safe_in_a_browser_and_stable(string vector)
    {
        var output = FeedHtmlSanitizer.Sanitize(vector, Base);

        DomOracle.AssertSafeAndStable(vector, output, Base);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Hostile_vector_is_safe_without_a_base_uri(string vector)
    {
        var output = FeedHtmlSanitizer.Sanitize(vector, null);

        DomOracle.AssertSafeAndStable(vector, output, null);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>", "<img src=\"https://example.com/posts/1/x\" loading=\"lazy\" decoding=\"async\">")]
    [InlineData("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "<img src=\"https://example.com/posts/1/x\" loading=\"lazy\" decoding=\"async\">\"&gt;")]
    [InlineData("<!-- --!><img src=x onerror=alert(1)>", "<img src=\"https://example.com/posts/1/x\" loading=\"lazy\" decoding=\"async\">")]
    [InlineData("<!--<img src=x onerror=alert(1)>-->", "")]
    [InlineData("<title><img title=\"</title><img src onerror=alert(1)>\">", "\"&gt;")]
    [InlineData("<div title=\"&quot;><img src=x onerror=alert(1)>\">x</div>", "<div title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">x</div>")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">", "")]
    [InlineData("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", "")]
    public void Hostile_vector_becomes_exactly(string vector, string expected)
    {
        Assert.Equal(expected, FeedHtmlSanitizer.Sanitize(vector, Base));
    }
}
