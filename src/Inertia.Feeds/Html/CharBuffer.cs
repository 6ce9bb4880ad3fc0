namespace Inertia.Feeds.Html;

/// <summary>
/// A growable run of characters that is cleared and reused between documents, so that sanitizing
/// thousands of entries does not allocate a builder per entry.
/// </summary>
internal sealed class CharBuffer
{
    // A buffer that grew past this for one huge document is not kept for the next one.
    private const int RetainedCapacity = 1 << 18;

    private char[] _chars;
    private int _length;

    public CharBuffer(int capacity)
    {
        _chars = new char[capacity];
    }

    /// <summary>The number of characters written; setting it lower takes back what was written after that point.</summary>
    public int Length
    {
        get => _length;
        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)value, (uint)_length);
            _length = value;
        }
    }

    public ReadOnlySpan<char> AsSpan() => _chars.AsSpan(0, _length);

    public ReadOnlySpan<char> AsSpan(int start) => _chars.AsSpan(start, _length - start);

    public void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }
        _chars[_length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (text.Length > _chars.Length - _length)
        {
            Grow(text.Length);
        }
        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    public void EnsureCapacity(int capacity)
    {
        if (capacity > _chars.Length)
        {
            Grow(capacity - _length);
        }
    }

    /// <summary>Empties the buffer for the next document.</summary>
    public void Clear()
    {
        _length = 0;
        if (_chars.Length > RetainedCapacity)
        {
            _chars = new char[RetainedCapacity];
        }
    }

    public override string ToString() => new(_chars, 0, _length);

    private void Grow(int needed)
    {
        var capacity = Math.Max(_chars.Length * 2, _length + needed);
        Array.Resize(ref _chars, capacity);
    }
}
