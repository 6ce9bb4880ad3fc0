using System.Globalization;
using Inertia.Feeds.Text;

namespace Inertia.Feeds.Xml;

/// <summary>
/// The general entities a document declares in its internal DTD subset. Internal entities are expanded as
/// text (never re-read as markup) within a budget of characters for the whole document, so that "billion
/// laughs" and quadratic-blowup documents fail at once instead of exhausting memory. External entities
/// (<c>SYSTEM</c>/<c>PUBLIC</c>) are never resolved: reading a feed must not read files or reach the network.
/// </summary>
internal sealed class DtdEntities
{
    private const int MaxNesting = 16;

    private readonly Dictionary<string, string?> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lengths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _expanded = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);
    private readonly long _budget;
    private long _used;

    private DtdEntities(long budget) => _budget = budget;

    /// <summary>Reads the entity declarations of an internal subset (the text between '[' and ']').</summary>
    public static DtdEntities Parse(ReadOnlySpan<char> subset, long budget)
    {
        var entities = new DtdEntities(budget);
        var i = 0;
        while (i < subset.Length)
        {
            var k = subset[i..].IndexOf("<!");
            if (k < 0)
            {
                break;
            }
            i += k;
            if (subset[i..].StartsWith("<!--"))
            {
                var end = subset[i..].IndexOf("-->");
                i = end < 0 ? subset.Length : i + end + 3;
                continue;
            }
            var declEnd = XmlLexing.FindTagEnd(subset, i);
            if (declEnd < 0)
            {
                break;
            }
            if (subset[i..].StartsWith("<!ENTITY"))
            {
                entities.Declare(subset[(i + 8)..declEnd]);
            }
            i = declEnd + 1;
        }
        return entities;
    }

    /// <summary>Whether the document declared <paramref name="name"/>.</summary>
    public bool IsDeclared(string name) => _declared.ContainsKey(name);

    /// <summary>
    /// The text of an internal entity, charging its length to the document's budget; null for an external one.
    /// Throws <see cref="EntityExpansionException"/> when the budget would be exceeded or the entity refers to itself.
    /// </summary>
    public string? Expand(string name)
    {
        if (_declared[name] is null)
        {
            return null;
        }
        var length = Length(name, 0);
        if (length > _budget - _used)
        {
            throw new EntityExpansionException($"&{name}; would expand beyond the limit of {_budget:N0} characters (an entity expansion attack, or an absurd DTD)");
        }
        _used += length;
        return Text(name, 0);
    }

    private void Declare(ReadOnlySpan<char> declaration)
    {
        var rest = declaration.TrimStart();
        if (rest.StartsWith('%'))
        {
            return; // Parameter entities only matter inside the DTD, which is not processed.
        }
        var nameEnd = rest.IndexOfAny(" \t\r\n");
        if (nameEnd <= 0)
        {
            return;
        }
        var name = rest[..nameEnd].ToString();
        rest = rest[nameEnd..].TrimStart();
        if (_declared.ContainsKey(name))
        {
            return; // XML: the first declaration binds.
        }
        if (rest.Length > 0 && rest[0] is '"' or '\'')
        {
            var close = rest[1..].IndexOf(rest[0]);
            _declared[name] = close < 0 ? rest[1..].ToString() : rest[1..(close + 1)].ToString();
        }
        else
        {
            _declared[name] = null;
        }
    }

    private long Length(string name, int depth)
    {
        if (_lengths.TryGetValue(name, out var known))
        {
            return known;
        }
        var value = _declared[name];
        if (value is null)
        {
            return 0;
        }
        Enter(name, depth);
        long total = 0;
        foreach (var part in new ReferenceSplitter(value))
        {
            total += part.IsReference && _declared.ContainsKey(part.Name.ToString())
                ? Length(part.Name.ToString(), depth + 1)
                : part.Text.Length;
            if (total > _budget)
            {
                break; // Saturate: the exact size of an attack does not matter.
            }
        }
        _inProgress.Remove(name);
        _lengths[name] = total;
        return total;
    }

    private string Text(string name, int depth)
    {
        if (_expanded.TryGetValue(name, out var known))
        {
            return known;
        }
        var value = _declared[name] ?? "";
        var builder = new System.Text.StringBuilder(value.Length);
        foreach (var part in new ReferenceSplitter(value))
        {
            if (part.IsReference && _declared.ContainsKey(part.Name.ToString()))
            {
                builder.Append(Text(part.Name.ToString(), depth + 1));
            }
            else if (part.IsReference && TryPredefinedOrNumeric(part.Name, out var character))
            {
                builder.Append(character);
            }
            else
            {
                builder.Append(part.Text);
            }
        }
        var text = builder.ToString();
        _expanded[name] = text;
        return text;
    }

    private void Enter(string name, int depth)
    {
        if (depth > MaxNesting)
        {
            throw new EntityExpansionException($"&{name}; nests more than {MaxNesting} entity references deep");
        }
        if (!_inProgress.Add(name))
        {
            throw new EntityExpansionException($"&{name}; refers to itself");
        }
    }

    private static bool TryPredefinedOrNumeric(ReadOnlySpan<char> name, out string text)
    {
        if (name.Length > 1 && name[0] == '#')
        {
            var hex = name[1] is 'x' or 'X';
            var digits = hex ? name[2..] : name[1..];
            if (int.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None,
                    CultureInfo.InvariantCulture, out var code))
            {
                return HtmlEntities.TryGetNumeric(code, out text);
            }
            text = "";
            return false;
        }
        text = name switch
        {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            _ => "",
        };
        return text.Length > 0;
    }

    /// <summary>Splits an entity's replacement text into literal runs and <c>&amp;name;</c> references.</summary>
    private ref struct ReferenceSplitter(string value)
    {
        private readonly string _value = value;
        private int _position;

        public Part Current { get; private set; }

        public readonly ReferenceSplitter GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_position >= _value.Length)
            {
                return false;
            }
            var rest = _value.AsSpan(_position);
            if (rest[0] == '&')
            {
                var semi = rest.IndexOf(';');
                if (semi > 1)
                {
                    Current = new Part(rest[..(semi + 1)], rest[1..semi], IsReference: true);
                    _position += semi + 1;
                    return true;
                }
            }
            var next = rest[1..].IndexOf('&');
            var length = next < 0 ? rest.Length : next + 1;
            Current = new Part(rest[..length], default, IsReference: false);
            _position += length;
            return true;
        }
    }

    private readonly ref struct Part(ReadOnlySpan<char> text, ReadOnlySpan<char> name, bool IsReference)
    {
        public ReadOnlySpan<char> Text { get; } = text;

        public ReadOnlySpan<char> Name { get; } = name;

        public bool IsReference { get; } = IsReference;
    }
}

/// <summary>Raised inside the XML layer when entity expansion exceeds its bounds; turned into a <see cref="FeedParseException"/> with a position.</summary>
internal sealed class EntityExpansionException(string message) : Exception(message);
