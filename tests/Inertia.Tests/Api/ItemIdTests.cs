using Inertia.Web.Api;

namespace Inertia.Tests.Api;

/// <summary>Entry ids in every form Google Reader clients send, and the stream ids.</summary>
public sealed class ItemIdTests
{
    [Theory]
    [InlineData("tag:google.com,2005:reader/item/000000000000001a", 26)]
    [InlineData("tag:google.com,2005:reader/item/1a", 26)]
    [InlineData("TAG:google.com,2005:reader/item/00000000000000FF", 255)]
    [InlineData("000000000000001a", 26)]
    [InlineData("26", 26)]
    [InlineData(" 26 ", 26)]
    [InlineData("-1", -1)]
    [InlineData("ffffffffffffffff", -1)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Reads_every_form(string text, long expected)
    {
        Assert.True(ItemId.TryParse(text, out var id));
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("tag:google.com,2005:reader/item/")]
    [InlineData("tag:google.com,2005:reader/item/xyz")]
    [InlineData("tag:google.com,2005:reader/item/00000000000000001a")]
    [InlineData("1a")]
    [InlineData("12.5")]
    public void Refuses_what_is_no_id(string? text) => Assert.False(ItemId.TryParse(text, out _));

    [Fact]
    public void Writes_the_long_and_the_decimal_form()
    {
        Assert.Equal("tag:google.com,2005:reader/item/000000000000001a", ItemId.Long(26));
        Assert.Equal("26", ItemId.Decimal(26));
    }

    [Theory]
    [InlineData("user/-/state/com.google/reading-list", "ReadingList", null, null)]
    [InlineData("user/1234/state/com.google/starred", "Starred", null, null)]
    [InlineData("user/-/state/com.google/read", "Read", null, null)]
    [InlineData("feed/42", "Feed", 42L, null)]
    [InlineData("user/-/label/Tech news", "Label", null, "Tech news")]
    public void Reads_stream_ids(string text, string kind, long? feedId, string? label)
    {
        Assert.True(StreamId.TryParse(text, out var stream));
        Assert.Equal(new StreamId(Enum.Parse<StreamKind>(kind), feedId, label), stream);
    }

    [Theory]
    [InlineData("feed/http://example.com/feed")]
    [InlineData("user/-/state/com.google/broadcast")]
    [InlineData("user")]
    [InlineData("nonsense")]
    public void Refuses_unknown_streams(string text) => Assert.False(StreamId.TryParse(text, out _));
}
