namespace Inertia.Feeds.Formats;

/// <summary>Reads the ways feeds write a person in one string: "jo@example.com (Jo Lee)", "Jo Lee &lt;jo@example.com&gt;", "Jo Lee", "jo@example.com".</summary>
internal static class People
{
    private static readonly System.Buffers.SearchValues<char> NotInEmail = System.Buffers.SearchValues.Create(" \t\r\n<>()");

    public static Person? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var span = text.AsSpan().Trim();
        var open = span.IndexOf('(');
        if (open > 0 && span[^1] == ')' && LooksLikeEmail(span[..open].Trim()))
        {
            return Make(span[(open + 1)..^1], span[..open]);
        }
        var angle = span.IndexOf('<');
        if (angle >= 0 && span[^1] == '>' && LooksLikeEmail(span[(angle + 1)..^1]))
        {
            return Make(span[..angle], span[(angle + 1)..^1]);
        }
        if (LooksLikeEmail(span))
        {
            return new Person(null, span.ToString());
        }
        return new Person(span.ToString());
    }

    private static Person? Make(ReadOnlySpan<char> name, ReadOnlySpan<char> email)
    {
        var n = name.Trim().Trim("\"'").Trim();
        var e = email.Trim();
        return new Person(n.IsEmpty ? null : n.ToString(), e.IsEmpty ? null : e.ToString());
    }

    private static bool LooksLikeEmail(ReadOnlySpan<char> text)
    {
        var at = text.IndexOf('@');
        return at > 0 && at < text.Length - 1 && text.IndexOfAny(NotInEmail) < 0;
    }
}
