using System.Buffers;
using System.Text;
using Inertia.Feeds.Formats;
using Inertia.Feeds.Text;
using Inertia.Feeds.Xml;

namespace Inertia.Feeds;

/// <summary>
/// Turns the bytes of a feed document, in any dialect and nearly any state of repair, into a normalized
/// <see cref="Feed"/>. It reads no files and opens no connections; it is safe to call concurrently.
/// </summary>
/// <remarks>
/// The steps: the size limit is enforced while reading; the encoding is chosen from the BOM, the HTTP
/// charset, the XML declaration and the bytes themselves; the dialect is sniffed from the content; the
/// document is read leniently (recoveries become <see cref="Feed.Warnings"/>); the dialect's reader fills
/// the model; and summaries and contents are sanitized. A <see cref="FeedParseException"/> means nothing
/// useful could be read, and says why and where.
/// </remarks>
public sealed class FeedParser(FeedParserOptions? options = null)
{
    /// <summary>A parser with the default options.</summary>
    public static FeedParser Default { get; } = new();

    /// <summary>The limits and choices this parser applies.</summary>
    public FeedParserOptions Options { get; } = options ?? FeedParserOptions.Default;

    /// <summary>Parses a whole document held in memory.</summary>
    /// <param name="document">The document's bytes, exactly as served.</param>
    /// <param name="contentType">The HTTP Content-Type, if the document was fetched; only its charset is used.</param>
    /// <param name="documentUri">Where the document was fetched from: the last resort for resolving relative URLs.</param>
    public Feed Parse(ReadOnlySpan<byte> document, string? contentType = null, Uri? documentUri = null)
    {
        if (document.Length > Options.MaxInputBytes)
        {
            throw TooLarge();
        }
        var warnings = new Warnings();
        var detection = FeedEncodingDetector.Detect(document, contentType);
        foreach (var warning in detection.Warnings)
        {
            warnings.Add(warning);
        }
        var body = document[detection.PreambleLength..];
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, detection.Encoding.GetMaxCharCount(body.Length)));
        var length = detection.Encoding.GetChars(body, chars);
        var source = new XmlSource(chars, length, warnings) { DocumentUri = documentUri };
        using (source)
        {
            var text = source.Text.TrimStart(" \t\r\n\uFEFF\0");
            if (text.IsEmpty)
            {
                throw new FeedParseException(FeedParseError.Empty, "The document is empty");
            }
            if (text[0] is '{' or '[')
            {
                var utf8 = detection.Encoding.CodePage == Encoding.UTF8.CodePage ? body : Encoding.UTF8.GetBytes(text.ToArray());
                var json = LenientJson.Read(utf8, warnings, Options, out var syntaxError);
                try
                {
                    return JsonFeedReader.Read(json, documentUri, Options, warnings);
                }
                catch (FeedParseException e) when (e.Error == FeedParseError.NotAFeed && syntaxError is not null)
                {
                    throw syntaxError; // Broken JSON that yielded nothing feed-like: the break is the real problem.
                }
            }
            LenientXmlParser.Parse(source, Options);
            var (root, format) = FormatSniffer.Sniff(source);
            var context = new XmlReadContext(source, documentUri);
            return format is FeedFormat.Atom03 or FeedFormat.Atom10
                ? AtomReader.Read(context, root, format, Options)
                : RssReader.Read(context, root, format, Options);
        }
    }

    /// <summary>Reads a stream to its end, stopping as soon as it exceeds <see cref="FeedParserOptions.MaxInputBytes"/>, and parses it.</summary>
    public Feed Parse(Stream stream, string? contentType = null, Uri? documentUri = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new BoundedBuffer(Options.MaxInputBytes);
        try
        {
            int read;
            while ((read = stream.Read(buffer.FreeSpace())) > 0)
            {
                buffer.Advance(read);
            }
            return Parse(buffer.Written, contentType, documentUri);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Like <see cref="Parse(Stream, string?, Uri?)"/>, reading the stream asynchronously.</summary>
    public async Task<Feed> ParseAsync(Stream stream, string? contentType = null, Uri? documentUri = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new BoundedBuffer(Options.MaxInputBytes);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.FreeMemory(), cancellationToken)) > 0)
            {
                buffer.Advance(read);
            }
            return Parse(buffer.Written, contentType, documentUri);
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private FeedParseException TooLarge() => new(FeedParseError.TooLarge,
        $"The document is larger than the limit of {Options.MaxInputBytes:N0} bytes");

    /// <summary>A pooled byte buffer that refuses to grow past the size limit, so an endless body is cut off early.</summary>
    private sealed class BoundedBuffer(long limit) : IDisposable
    {
        private byte[] _array = ArrayPool<byte>.Shared.Rent(64 * 1024);
        private int _length;

        public ReadOnlySpan<byte> Written => _array.AsSpan(0, _length);

        public Span<byte> FreeSpace() => FreeMemory().Span;

        public Memory<byte> FreeMemory()
        {
            if (_length == _array.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(_array.Length * 2L, 64 * 1024)));
                _array.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_array);
                _array = larger;
            }
            // Reading at most one byte past the limit is enough to know the limit was passed.
            var room = (int)Math.Min(_array.Length - _length, limit + 1 - _length);
            return _array.AsMemory(_length, Math.Max(room, 1));
        }

        public void Advance(int count)
        {
            _length += count;
            if (_length > limit)
            {
                throw new FeedParseException(FeedParseError.TooLarge, $"The document is larger than the limit of {limit:N0} bytes");
            }
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_array);
    }
}
