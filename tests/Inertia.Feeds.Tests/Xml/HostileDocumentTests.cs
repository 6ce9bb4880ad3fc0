using System.Diagnostics;
using System.Text;

namespace Inertia.Feeds.Tests.Xml;

/// <summary>Documents built to hurt a parser: they must end quickly with a clear error or a harmless result.</summary>
public class HostileDocumentTests
{
    private const string Mutations = "<>&;\"'/![]?x\0 ";

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <rss version="2.0"><channel><title>&lol9;</title></channel></rss>
        """;

    [Fact]
    public void Billion_laughs_ends_at_once_with_a_clear_error()
    {
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<FeedParseException>(() => Parse.Unsanitized(BillionLaughs));
        clock.Stop();
        Assert.Equal(FeedParseError.EntityExpansion, error.Error);
        Assert.StartsWith("The document's DTD entity &lol9; would expand beyond the limit of", error.Message, StringComparison.Ordinal);
        Assert.Equal(14, error.Line);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Quadratic_blowup_ends_at_once_with_a_clear_error()
    {
        var big = new string('a', 100_000);
        var references = string.Concat(Enumerable.Repeat("&a;", 100_000));
        var document = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"{big}\">]><rss version=\"2.0\"><channel><title>{references}</title></channel></rss>";
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<FeedParseException>(() => Parse.Unsanitized(document));
        clock.Stop();
        Assert.Equal(FeedParseError.EntityExpansion, error.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Recursive_entities_are_refused()
    {
        var document = "<!DOCTYPE rss [<!ENTITY a \"&b;\"><!ENTITY b \"&a;\">]><rss version=\"2.0\"><channel><title>&a;</title></channel></rss>";
        var error = Assert.Throws<FeedParseException>(() => Parse.Unsanitized(document));
        Assert.Equal(FeedParseError.EntityExpansion, error.Error);
        Assert.Contains("refers to itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_internal_entities_are_expanded()
    {
        var feed = Parse.Unsanitized("<!DOCTYPE rss [<!ENTITY site \"Example &amp; Co\">]><rss version=\"2.0\"><channel><title>&site; news</title></channel></rss>");
        Assert.Equal("Example & Co news", feed.Title);
    }

    [Fact]
    public void External_entities_are_never_resolved()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var document = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://{secret}\">]><rss version=\"2.0\"><channel><title>a&xxe;b</title></channel></rss>";
            var feed = Parse.Unsanitized(document);
            Assert.Equal("ab", feed.Title);
            Assert.True(feed.Warned("external entity &xxe; was not resolved"));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void External_dtd_is_not_fetched_and_html_entities_still_work()
    {
        var feed = Parse.Unsanitized("""
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://127.0.0.1:9/rss-0.91.dtd">
            <rss version="0.91"><channel><title>caf&eacute;</title></channel></rss>
            """);
        Assert.Equal("café", feed.Title);
    }

    [Fact]
    public void Deep_nesting_fails_with_a_clear_error()
    {
        var document = "<rss version=\"2.0\"><channel>" + string.Concat(Enumerable.Repeat("<x>", 100_000)) + "</channel></rss>";
        var error = Assert.Throws<FeedParseException>(() => Parse.Unsanitized(document));
        Assert.Equal(FeedParseError.TooDeep, error.Error);
        Assert.Contains("512", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_json_fails_with_a_clear_error()
    {
        var document = string.Concat(Enumerable.Repeat("[", 100_000));
        var error = Assert.Throws<FeedParseException>(() => Parse.Unsanitized(document));
        Assert.Equal(FeedParseError.Malformed, error.Error);
    }

    [Fact]
    public void Oversized_document_is_refused_while_streaming()
    {
        var parser = new FeedParser(FeedParserOptions.Default with { MaxInputBytes = 1000 });
        var stream = new EndlessStream("<rss version=\"2.0\"><channel><title>"u8.ToArray());
        var error = Assert.Throws<FeedParseException>(() => parser.Parse(stream));
        Assert.Equal(FeedParseError.TooLarge, error.Error);
        Assert.True(stream.BytesRead <= 1000 + 64 * 1024, $"read {stream.BytesRead} bytes of an endless stream");
    }

    [Fact]
    public async Task Oversized_document_is_refused_while_streaming_asynchronously()
    {
        var parser = new FeedParser(FeedParserOptions.Default with { MaxInputBytes = 100_000 });
        var stream = new EndlessStream("<rss version=\"2.0\"><channel><title>"u8.ToArray());
        var error = await Assert.ThrowsAsync<FeedParseException>(() => parser.ParseAsync(stream));
        Assert.Equal(FeedParseError.TooLarge, error.Error);
        Assert.True(stream.BytesRead <= 100_001 + 64 * 1024, $"read {stream.BytesRead} bytes of an endless stream");
    }

    [Fact]
    public void Document_exactly_at_the_limit_is_accepted()
    {
        var document = Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>T</title></channel></rss>");
        var parser = new FeedParser(FeedParserOptions.Default with { MaxInputBytes = document.Length });
        Assert.Equal("T", parser.Parse(new MemoryStream(document)).Title);
        Assert.Throws<FeedParseException>(() => new FeedParser(FeedParserOptions.Default with { MaxInputBytes = document.Length - 1 }).Parse(new MemoryStream(document)));
    }

    [Fact]
    public void Random_bytes_and_mutated_feeds_never_throw_anything_but_a_parse_error()
    {
        var random = new Random(20261125);
        var seed = Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="utf-8"?><!DOCTYPE rss [<!ENTITY e "x">]><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>T &amp; &e;</title><link>https://e.com/</link><item><title>a</title><dc:creator>x</dc:creator>
            <description><![CDATA[<p>hi</p>]]></description><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item></channel></rss>
            """);
        for (var i = 0; i < 3000; i++)
        {
            byte[] input;
            if (i % 10 == 0)
            {
                input = new byte[random.Next(0, 300)];
                random.NextBytes(input);
            }
            else
            {
                input = (byte[])seed.Clone();
                for (var m = random.Next(1, 8); m > 0; m--)
                {
                    input[random.Next(input.Length)] = (byte)Mutations[random.Next(Mutations.Length)];
                }
                input = input[..random.Next(1, input.Length + 1)];
            }
            try
            {
                Parse.Unsanitized(Encoding.UTF8.GetString(input));
                FeedParser.Default.Parse(input);
            }
            catch (FeedParseException)
            {
            }
        }
    }

    /// <summary>A stream that never ends: the parser must stop reading it by itself.</summary>
    private sealed class EndlessStream(byte[] prefix) : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = BytesRead + i < prefix.Length ? prefix[BytesRead + i] : (byte)'a';
            }
            BytesRead += count;
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
