using System.Text;

namespace Inertia.Feeds.Text;

/// <summary>
/// The encoding to decode a document with, where its text starts, and what was wrong with what the document or server said.
/// </summary>
/// <param name="Encoding">The encoding to decode the document with; invalid byte sequences decode to U+FFFD.</param>
/// <param name="PreambleLength">The number of byte order mark bytes to skip before decoding (0, 2, 3 or 4).</param>
/// <param name="Warnings">
/// Short English sentences, one per disagreement between the bytes, the byte order mark, the XML declaration and the HTTP
/// header; empty when everything agreed.
/// </param>
public sealed record EncodingDetection(Encoding Encoding, int PreambleLength, IReadOnlyList<string> Warnings);
