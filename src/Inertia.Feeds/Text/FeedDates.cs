using System.Globalization;

namespace Inertia.Feeds.Text;

/// <summary>
/// Lenient reading of the dates found in feeds: RFC 822 and its usual breakage, ISO 8601 / RFC 3339 / W3CDTF,
/// human-written dates in several languages, CJK dates, and Unix times. Every result is in UTC.
/// </summary>
/// <remarks>
/// <para>
/// <b>Dates without a zone.</b> A date that names no zone is read in the zone its audience most likely lives in,
/// because Chinese, Japanese and Korean sites very often omit the zone and mean local time, whereas English and
/// European feeds that omit it mostly mean UTC (or are off by an hour at worst). So: +08:00 when the language tag
/// is <c>zh*</c>; +09:00 when it is <c>ja*</c> or <c>ko*</c>; otherwise, when the text itself is written with CJK
/// date markers (年月日, 时分, 上午/下午), +08:00 for Chinese characters and +09:00 for Korean ones (년월일, 오전/오후),
/// kana or the Japanese 午前/午後; otherwise UTC. A zone in the text always wins over the hint.
/// </para>
/// <para>
/// <b>CST</b> means China Standard Time (+08:00) when the language is <c>zh*</c> or the text uses Chinese date
/// markers, since that is what Chinese generators mean by it; otherwise US Central Standard Time (−06:00).
/// </para>
/// <para>
/// <b>Numeric day/month order.</b> In "03/04/2024" a part above 12 settles the order; otherwise dots mean
/// day.month.year, and slashes or dashes mean month/day/year when the language is null, <c>en</c> or
/// <c>en-us</c>, day/month/year for any other language.
/// </para>
/// <para>
/// <b>Tolerated.</b> Wrong or missing weekdays and other unknown words ("de", "à", "г."), comments in
/// parentheses ("(PST)", JavaScript's "(China Standard Time)"), a leap second (23:59:60 is read as 23:59:59),
/// 24:00:00 (the end of the day), and an impossible numeric offset such as "+3000", which is ignored rather
/// than losing an otherwise good date.
/// </para>
/// <para>
/// <b>Rejected.</b> Impossible dates (31 February, month 13, hour 25, minute 60), text without a full date
/// (a year, a month and a day; ISO 8601 alone may omit the day or month), bare numbers other than 10- or 13-digit
/// Unix times, a number that fits no part of the date, and years before 1900 or after 2200, which feeds only
/// ever hold by mistake. No input makes these methods throw.
/// </para>
/// </remarks>
public static class FeedDates
{
    /// <summary>Longer text is not a date, and bounding it keeps hostile input cheap.</summary>
    private const int MaxLength = 256;

    /// <summary>Above this a Unix time cannot be seconds (it would be past the year 5000), so it is milliseconds.</summary>
    private const double MillisecondsThreshold = 1e11;

    private static readonly long EarliestUnixMilliseconds =
        new DateTimeOffset(DateFields.MinYear, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static readonly long EndUnixMilliseconds =
        new DateTimeOffset(DateFields.MaxYear + 1, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>Parses a date as found in a feed; the result is in UTC (offset zero).</summary>
    /// <param name="text">The date text; surrounding whitespace is ignored.</param>
    /// <param name="language">
    /// The feed's or entry's language tag (e.g. "zh-cn", "de", null), used only as a hint for the zone of a date
    /// that names none and for the meaning of "CST" and of ambiguous numeric dates (see the remarks on the class).
    /// </param>
    /// <param name="utc">The instant, with a zero offset; default when the text is not a usable date.</param>
    /// <returns>True when <paramref name="text"/> holds a complete, valid date between 1900 and 2200.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, string? language, out DateTimeOffset utc)
    {
        utc = default;
        var trimmed = text.Trim();
        if (trimmed.IsEmpty || trimmed.Length > MaxLength)
        {
            return false;
        }
        if (trimmed.Length is 10 or 13 && !trimmed.ContainsAnyExceptInRange('0', '9'))
        {
            return long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var unixTime)
                && TryFromUnixTime(unixTime, out utc);
        }
        var fields = default(DateFields);
        if (!TryReadIso(trimmed, ref fields) && !LooseDateReader.TryRead(trimmed, language, out fields))
        {
            return false;
        }
        return fields.TryToUtc(language, out utc);
    }

    /// <summary>
    /// Reads a JSON number that is a Unix time: seconds, or milliseconds when it is too large to be seconds (&gt; 1e11).
    /// </summary>
    /// <param name="value">Seconds or milliseconds since 1970-01-01T00:00:00Z; fractions are kept to the millisecond.</param>
    /// <param name="utc">The instant, with a zero offset; default when the value is not finite or not between 1900 and 2200.</param>
    /// <returns>True when the value is a usable date.</returns>
    public static bool TryFromUnixTime(double value, out DateTimeOffset utc)
    {
        utc = default;
        if (!double.IsFinite(value))
        {
            return false;
        }
        var milliseconds = Math.Round(value > MillisecondsThreshold ? value : value * 1000);
        if (milliseconds < EarliestUnixMilliseconds || milliseconds >= EndUnixMilliseconds)
        {
            return false;
        }
        utc = DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
        return true;
    }

    /// <summary>True when <paramref name="language"/> is <paramref name="primary"/> or one of its regional forms.</summary>
    internal static bool IsLanguage(string? language, string primary)
    {
        var tag = language.AsSpan().Trim();
        return tag.StartsWith(primary, StringComparison.OrdinalIgnoreCase)
            && (tag.Length == primary.Length || tag[primary.Length] is '-' or '_');
    }

    /// <summary>
    /// ISO 8601 in the shapes feeds use (RFC 3339, W3CDTF partial dates, the basic format, a space for the T,
    /// lower-case t and z). Anything else returns false so that the lenient reader can try.
    /// </summary>
    private static bool TryReadIso(ReadOnlySpan<char> s, ref DateFields fields)
    {
        var i = 0;
        if (!TryDigits(s, ref i, 4, out var year))
        {
            return false;
        }
        fields.Year = year;
        fields.Month = 1;
        fields.Day = 1;
        if (i == s.Length)
        {
            return true;
        }
        var extended = s[i] == '-';
        if (extended)
        {
            i++;
        }
        if (!TryDigits(s, ref i, 2, out var month))
        {
            return false;
        }
        fields.Month = month;
        if (i == s.Length)
        {
            // "2003-12" is a W3CDTF month; "200312" is not ISO at all.
            return extended;
        }
        if (extended && s[i++] != '-')
        {
            return false;
        }
        if (!TryDigits(s, ref i, 2, out var day))
        {
            return false;
        }
        fields.Day = day;
        if (i == s.Length)
        {
            return true;
        }
        if (s[i] is not ('T' or 't' or ' '))
        {
            return false;
        }
        i = SkipSpaces(s, i + 1);
        return TryReadIsoTime(s, ref i, ref fields) && TryReadIsoZone(s, SkipSpaces(s, i), ref fields);
    }

    private static bool TryReadIsoTime(ReadOnlySpan<char> s, ref int i, ref DateFields fields)
    {
        if (!TryDigits(s, ref i, 2, out var hour))
        {
            return false;
        }
        int minute = 0, second = 0;
        long fraction = 0;
        if (TryTimeSeparator(s, ref i) && !TryDigits(s, ref i, 2, out minute))
        {
            return false;
        }
        if (TryTimeSeparator(s, ref i) && !TryDigits(s, ref i, 2, out second))
        {
            return false;
        }
        if (i + 1 < s.Length && s[i] is '.' or ',' && char.IsAsciiDigit(s[i + 1]))
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
            fraction = DateFields.TicksOfFraction(s[start..i]);
        }
        fields.SetTime(hour, minute, second, fraction);
        return true;
    }

    // Accepts both the extended "hh:mm" and the basic "hhmm"; the next part is present when a separator or a digit follows.
    private static bool TryTimeSeparator(ReadOnlySpan<char> s, ref int i)
    {
        if (i < s.Length && s[i] == ':')
        {
            i++;
            return true;
        }
        return i < s.Length && char.IsAsciiDigit(s[i]);
    }

    private static bool TryReadIsoZone(ReadOnlySpan<char> s, int i, ref DateFields fields)
    {
        if (i == s.Length)
        {
            return true;
        }
        if (s[i] is 'Z' or 'z')
        {
            fields.SetZone(DateWordKind.Universal, 0);
            return i + 1 == s.Length;
        }
        if (s[i] is not ('+' or '-'))
        {
            return false;
        }
        var negative = s[i++] == '-';
        if (!TryDigits(s, ref i, 2, out var hours))
        {
            return false;
        }
        var minutes = 0;
        if (i < s.Length && s[i] == ':')
        {
            i++;
        }
        if (i < s.Length && !TryDigits(s, ref i, 2, out minutes))
        {
            return false;
        }
        if (i != s.Length || hours > DateFields.MaxOffsetHours || minutes > 59)
        {
            return false;
        }
        var offset = (hours * 60) + minutes;
        fields.SetZone(DateWordKind.Zone, negative ? -offset : offset);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, ref int i, int count, out int value)
    {
        value = 0;
        if (i + count > s.Length)
        {
            return false;
        }
        for (var end = i + count; i < end; i++)
        {
            var digit = (uint)(s[i] - '0');
            if (digit > 9)
            {
                return false;
            }
            value = (value * 10) + (int)digit;
        }
        return true;
    }

    private static int SkipSpaces(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }
        return i;
    }
}

/// <summary>The parts of a date as a reader found them, checked and turned into UTC by <see cref="TryToUtc"/>.</summary>
internal struct DateFields
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;
    public const int MaxOffsetHours = 14;

    // Zero while not found.
    public int Year;
    public int Month;
    public int Day;

    // Midnight unless HasTime; the values are checked only in TryToUtc.
    public bool HasTime;
    public int Hour;
    public int Minute;
    public int Second;
    public long FractionTicks;

    /// <summary>0 for AM, 12 for PM, null when the text has neither.</summary>
    public int? Meridiem;

    /// <summary>Unknown while no zone was found; otherwise Universal, Zone (a fixed offset) or ChinaOrCentral.</summary>
    public DateWordKind Zone;
    public int OffsetMinutes;

    /// <summary>The offset implied by CJK date markers in the text (+08:00 Chinese, +09:00 Korean or Japanese), if any.</summary>
    public int? ScriptOffsetMinutes;

    public void SetTime(int hour, int minute, int second, long fractionTicks)
    {
        HasTime = true;
        Hour = hour;
        Minute = minute;
        Second = second;
        FractionTicks = fractionTicks;
    }

    public void SetZone(DateWordKind zone, int offsetMinutes)
    {
        Zone = zone;
        OffsetMinutes = offsetMinutes;
    }

    /// <summary>RFC 2822's rule for two-digit years: 00–49 are 20xx, 50–99 are 19xx; three-digit years count from 1900.</summary>
    public static int ExpandYear(int value, int digits) => digits switch
    {
        <= 2 => value < 50 ? 2000 + value : 1900 + value,
        3 => 1900 + value,
        _ => value,
    };

    /// <summary>Ticks from the digits after the decimal point; digits beyond the seventh are below a tick and ignored.</summary>
    public static long TicksOfFraction(ReadOnlySpan<char> digits)
    {
        long ticks = 0;
        for (var i = 0; i < 7; i++)
        {
            // (c & 0xF) is the value of both ASCII and full-width digits.
            ticks = (ticks * 10) + (i < digits.Length ? digits[i] & 0xF : 0);
        }
        return ticks;
    }

    /// <summary>Checks the fields, applies AM/PM and the zone (or the zone hint for <paramref name="language"/>), and returns the instant.</summary>
    public readonly bool TryToUtc(string? language, out DateTimeOffset utc)
    {
        utc = default;
        if (Year is < MinYear or > MaxYear || Month is < 1 or > 12 || Day < 1 || Day > DateTime.DaysInMonth(Year, Month))
        {
            return false;
        }
        var hour = Hour;
        if (Meridiem is { } meridiem)
        {
            if (!HasTime)
            {
                return false;
            }
            // "12:30 AM" is 00:30 and "12:30 PM" is 12:30; an hour past 12 already is a 24-hour clock.
            if (hour <= 12)
            {
                hour = (hour % 12) + meridiem;
            }
        }
        var endOfDay = hour == 24 && Minute == 0 && Second == 0 && FractionTicks == 0;
        if ((hour > 23 && !endOfDay) || Minute > 59 || Second > 60)
        {
            return false;
        }
        var offset = Zone switch
        {
            DateWordKind.Unknown => DefaultOffsetMinutes(language),
            DateWordKind.ChinaOrCentral => FeedDates.IsLanguage(language, "zh") || ScriptOffsetMinutes == 480 ? 480 : -360,
            _ => OffsetMinutes,
        };
        if (Math.Abs(offset) > MaxOffsetHours * 60)
        {
            return false;
        }
        var ticks = new DateTime(Year, Month, Day).Ticks
            + (hour * TimeSpan.TicksPerHour)
            + (Minute * TimeSpan.TicksPerMinute)
            + (Math.Min(Second, 59) * TimeSpan.TicksPerSecond)
            + FractionTicks
            - (offset * TimeSpan.TicksPerMinute);
        utc = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    // The zone hint documented on FeedDates: the language first, then the script of the text, then UTC.
    private readonly int DefaultOffsetMinutes(string? language)
    {
        if (FeedDates.IsLanguage(language, "zh"))
        {
            return 480;
        }
        if (FeedDates.IsLanguage(language, "ja") || FeedDates.IsLanguage(language, "ko"))
        {
            return 540;
        }
        return ScriptOffsetMinutes ?? 0;
    }
}
