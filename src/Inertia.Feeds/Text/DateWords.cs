using System.Collections.Frozen;

namespace Inertia.Feeds.Text;

/// <summary>What a word inside a date means.</summary>
internal enum DateWordKind
{
    /// <summary>Not a date word (day names, connectors such as "de", comments): callers skip it.</summary>
    Unknown,

    /// <summary>A month name; the value is the month number.</summary>
    Month,

    /// <summary>A named zone with a fixed offset; the value is the offset in minutes.</summary>
    Zone,

    /// <summary>UT, UTC, GMT or Z; a numeric offset right after it ("GMT+8") refines it.</summary>
    Universal,

    /// <summary>"CST": China Standard Time or US Central, decided by the feed's language.</summary>
    ChinaOrCentral,

    /// <summary>AM or PM; the value is 0 for AM and 12 for PM.</summary>
    Meridiem,
}

/// <summary>A classified date word.</summary>
internal readonly record struct DateWord(DateWordKind Kind, int Value);

/// <summary>
/// Month names, zone abbreviations and AM/PM in the languages feeds are written in. Lookups take a span and
/// allocate nothing; case and Latin-1 accents are folded first, so "März", "MARZ" and "marz" are one entry.
/// </summary>
internal static class DateWords
{
    /// <summary>The longest word the tables hold ("października"); longer words are never date words.</summary>
    private const int MaxWordLength = 12;

    // Folds U+00C0..U+00FF to unaccented lower case: "févr" and "fevr", "août" and "aout" are the same to a reader.
    private const string Latin1Folding = "aaaaaaæceeeeiiiidnooooo×ouuuuyþß" + "aaaaaaæceeeeiiiidnooooo÷ouuuuyþy";

    // English, German, French, Spanish, Italian, Portuguese, Dutch, the Scandinavian languages, Polish and Russian
    // (genitive, as in "2 января", nominative and abbreviations), full and abbreviated; index 0 is January.
    private static readonly string[][] MonthNames =
    [
        ["jan", "january", "januar", "janv", "janvier", "janner", "ene", "enero", "gen", "gennaio", "janeiro", "januari",
            "stycznia", "styczeń", "янв", "января", "январь"],
        ["feb", "february", "febr", "februar", "fev", "fevr", "fevrier", "febrero", "febbraio", "fevereiro", "februari",
            "lutego", "luty", "фев", "февр", "февраля", "февраль"],
        ["mar", "march", "marz", "maerz", "mrz", "mars", "marzo", "marco", "maart", "mrt", "marts", "marca", "marzec",
            "мар", "марта", "март"],
        ["apr", "april", "avr", "avril", "abr", "abril", "aprile", "kwietnia", "kwiecień", "апр", "апреля", "апрель"],
        ["may", "mai", "mayo", "mag", "maggio", "maio", "mei", "maj", "maja", "мая", "май"],
        ["jun", "june", "juni", "juin", "junio", "giu", "giugno", "junho", "czerwca", "czerwiec", "июн", "июня", "июнь"],
        ["jul", "july", "juli", "juil", "juillet", "julio", "lug", "luglio", "julho", "lipca", "lipiec", "июл", "июля", "июль"],
        ["aug", "august", "aout", "ago", "agosto", "augustus", "augusti", "sierpnia", "sierpień", "авг", "августа", "август"],
        ["sep", "sept", "september", "septembre", "septiembre", "setiembre", "set", "settembre", "setembro", "września",
            "wrzesień", "сен", "сент", "сентября", "сентябрь"],
        ["oct", "october", "octobre", "octubre", "okt", "oktober", "ott", "ottobre", "out", "outubro", "października",
            "październik", "окт", "октября", "октябрь"],
        ["nov", "november", "novembre", "noviembre", "novembro", "listopada", "listopad", "ноя", "нояб", "ноября", "ноябрь"],
        ["dec", "december", "decembre", "dez", "dezember", "dic", "diciembre", "dicembre", "dezembro", "desember", "grudnia",
            "grudzień", "дек", "декабря", "декабрь"],
    ];

    // Abbreviations whose meaning is settled in practice, with their offsets in minutes. Ambiguous ones (AST, ET, PT)
    // are left out on purpose; "ET" would also swallow the French "et".
    private static readonly (string Name, int Offset)[] ZoneNames =
    [
        ("wet", 0), ("bst", 60), ("west", 60), ("cet", 60), ("met", 60), ("mez", 60),
        ("cest", 120), ("mest", 120), ("mesz", 120), ("eet", 120), ("eest", 180), ("msk", 180),
        ("ist", 330), ("ict", 420), ("wib", 420), ("hkt", 480), ("sgt", 480), ("awst", 480), ("pht", 480),
        ("jst", 540), ("kst", 540), ("acst", 570), ("aest", 600), ("acdt", 630), ("aedt", 660), ("nzst", 720), ("nzdt", 780),
        ("brt", -180), ("edt", -240), ("est", -300), ("cdt", -300), ("mdt", -360), ("mst", -420), ("pdt", -420),
        ("pst", -480), ("akdt", -480), ("akst", -540), ("hst", -600),
    ];

    private static readonly FrozenDictionary<string, DateWord>.AlternateLookup<ReadOnlySpan<char>> Table =
        BuildTable().GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Classifies <paramref name="word"/> (letters only, without a trailing dot).</summary>
    public static DateWord Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxWordLength)
        {
            return default;
        }
        Span<char> folded = stackalloc char[MaxWordLength];
        for (var i = 0; i < word.Length; i++)
        {
            folded[i] = Fold(word[i]);
        }
        return Table.TryGetValue(folded[..word.Length], out var found) ? found : default;
    }

    private static char Fold(char c)
    {
        if (c < 0x80)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }
        return c is >= '\u00C0' and <= '\u00FF' ? Latin1Folding[c - 0xC0] : char.ToLowerInvariant(c);
    }

    private static FrozenDictionary<string, DateWord> BuildTable()
    {
        var table = new Dictionary<string, DateWord>(StringComparer.Ordinal)
        {
            ["ut"] = new(DateWordKind.Universal, 0),
            ["utc"] = new(DateWordKind.Universal, 0),
            ["gmt"] = new(DateWordKind.Universal, 0),
            ["z"] = new(DateWordKind.Universal, 0),
            ["cst"] = new(DateWordKind.ChinaOrCentral, 0),
            ["am"] = new(DateWordKind.Meridiem, 0),
            ["pm"] = new(DateWordKind.Meridiem, 12),
        };
        for (var month = 0; month < MonthNames.Length; month++)
        {
            foreach (var name in MonthNames[month])
            {
                table.Add(name, new DateWord(DateWordKind.Month, month + 1));
            }
        }
        foreach (var (name, offset) in ZoneNames)
        {
            table.Add(name, new DateWord(DateWordKind.Zone, offset));
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
