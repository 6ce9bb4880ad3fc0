using System.Globalization;

namespace Inertia.Search;

/// <summary>
/// A search query that cannot be read. <see cref="Template"/> and <see cref="Arguments"/> let the reader show it in
/// the reader's language; <see cref="Exception.Message"/> is the English text, and <see cref="Position"/> the
/// 1-based character where the problem is.
/// </summary>
internal sealed class SearchQueryException : Exception
{
    public SearchQueryException(int position, string template, params object[] arguments)
        : base(string.Format(CultureInfo.InvariantCulture, template, arguments))
    {
        Position = position;
        Template = template;
        Arguments = arguments;
    }

    public int Position { get; }

    public string Template { get; }

    public IReadOnlyList<object> Arguments { get; }
}
