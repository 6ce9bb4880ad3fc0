using System.Buffers;

namespace Inertia.Fetching;

/// <summary>Reads a response body into memory without ever holding more than the limit plus one byte.</summary>
internal static class BoundedBodyReader
{
    private const int InitialBufferSize = 64 * 1024;

    /// <summary>
    /// The whole body, or <see langword="null"/> as soon as it is known to exceed <paramref name="limit"/>: from
    /// <c>Content-Length</c> before reading, or after reading one byte past the limit.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > limit)
        {
            return null;
        }
        var stream = await content.ReadAsStreamAsync(cancellationToken);
        await using (stream)
        {
            var size = (int)Math.Min(content.Headers.ContentLength + 1 ?? InitialBufferSize, Math.Min(limit + 1, InitialBufferSize * 16));
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
            try
            {
                var length = 0;
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, length);
                    }
                    var room = (int)Math.Min(buffer.Length - length, limit + 1 - length);
                    var read = await stream.ReadAsync(buffer.AsMemory(length, room), cancellationToken);
                    if (read == 0)
                    {
                        return buffer.AsSpan(0, length).ToArray();
                    }
                    length += read;
                    if (length > limit)
                    {
                        return null;
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, buffer.Length * 2L));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
