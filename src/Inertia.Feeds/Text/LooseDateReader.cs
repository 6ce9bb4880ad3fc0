namespace Inertia.Feeds.Text;

/// <summary>
/// Reads dates written for people rather than machines: RFC 822 with its usual breakage, "June 10, 2003 4:00 PM EST",
/// localized month names, 2024年1月2日, 02.01.2024, JavaScript's Date.toString(). Instead of matching fixed patterns it
/// gives each number a role from its shape (a time has colons, a year has four digits, a CJK marker names its field)
/// and its position (the first free small number is the day, the next one a two-digit year), so day names, connectors
/// such as "de" or "à", and other unknown words in between do no harm. A number that fits no role makes the text
/// a non-date.
/// </summary>
internal ref struct LooseDateReader
{
    /// <summary>No part of a date is longer; more digits make the text a non-date.</summary>
    private const int MaxNumberDigits = 4;

    private readonly ReadOnlySpan<char> text;
    private readonly string? language;
    private DateFields fields;
    private int pos;
    private int tokens;

    // French, Spanish and Italian abbreviate Tuesday as "mar", which is also March: a month word in the weekday slot
    // gives way to a later one ("mar., 02 janv. 2024").
    private bool monthFromLeadingWord;
    private bool afterUniversalZone;

    private LooseDateReader(ReadOnlySpan<char> text, string? language)
    {
        this.text = text;
        this.language = language;
    }

    /// <summary>Reads <paramref name="text"/>; true when it holds at least a year, a month and a day.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, string? language, out DateFields fields)
    {
        var reader = new LooseDateReader(text, language);
        var found = reader.Read();
        fields = reader.fields;
        return found;
    }

    private bool Read()
    {
        while (pos < text.Length)
        {
            var c = text[pos];
            if (IsDigit(c))
            {
                if (!ReadNumber())
                {
                    return false;
                }
            }
            else if (c is '+' or '-' or '\u2212' && (fields.HasTime || afterUniversalZone) && IsDigitAt(pos + 1))
            {
                if (!ReadOffset())
                {
                    return false;
                }
            }
            else if (c is '(' or '（')
            {
                SkipComment();
            }
            else if (IsCjk(c))
            {
                ReadCjk();
            }
            else if (char.IsLetter(c))
            {
                // Sets afterUniversalZone itself: "GMT" lets a following "+8" be read as its offset.
                ReadWord();
                tokens++;
                continue;
            }
            else
            {
                pos++;
                continue;
            }
            afterUniversalZone = false;
            tokens++;
        }
        return fields.Year != 0 && fields.Month != 0 && fields.Day != 0;
    }

    private bool ReadNumber()
    {
        var value = ReadDigits(out var length);
        if (length > MaxNumberDigits)
        {
            return false;
        }
        if (pos + 1 < text.Length && IsDigit(text[pos + 1]))
        {
            var next = text[pos];
            if (next is ':' or '：' || (next is 'h' or 'H' && length <= 2))
            {
                return ReadTime(value, length);
            }
        }
        if (pos < text.Length && text[pos] is '/' or '-' or '.' && TryReadNumericDate(value, length, out var dateOk))
        {
            return dateOk;
        }
        if (TryReadMarkedNumber(value, length, out var markerOk))
        {
            return markerOk;
        }
        return AssignByPosition(value, length);
    }

    // hh:mm[:ss[.fraction]], or the French 10h30.
    private bool ReadTime(int hour, int hourDigits)
    {
        if (fields.HasTime || hourDigits > 2)
        {
            return false;
        }
        pos++;
        var minute = ReadDigits(out var minuteDigits);
        if (minuteDigits > 2)
        {
            return false;
        }
        var second = 0;
        long fraction = 0;
        if (pos + 1 < text.Length && text[pos] is ':' or '：' && IsDigit(text[pos + 1]))
        {
            pos++;
            second = ReadDigits(out var secondDigits);
            if (secondDigits > 2)
            {
                return false;
            }
            if (pos + 1 < text.Length && text[pos] is '.' or ',' && IsDigit(text[pos + 1]))
            {
                var start = ++pos;
                while (pos < text.Length && IsDigit(text[pos]))
                {
                    pos++;
                }
                fraction = DateFields.TicksOfFraction(text[start..pos]);
            }
        }
        fields.SetTime(hour, minute, second, fraction);
        return true;
    }

    // y-m-d, d/m/y, m/d/y, d.m.y and the Korean "2024. 1. 2."; false (nothing consumed) when the number starts no such date.
    private bool TryReadNumericDate(int first, int firstDigits, out bool ok)
    {
        ok = false;
        var separator = text[pos];
        var start = pos;
        pos = SkipSpacesAfterDot(separator, pos + 1);
        if (IsDigitAt(pos))
        {
            var second = ReadDigits(out var secondDigits);
            if (secondDigits <= 2 && pos < text.Length && text[pos] == separator)
            {
                pos = SkipSpacesAfterDot(separator, pos + 1);
                if (IsDigitAt(pos))
                {
                    var third = ReadDigits(out var thirdDigits);
                    if (TryOrder(first, firstDigits, second, third, thirdDigits, separator, out var year, out var month, out var day))
                    {
                        ok = fields.Year == 0 && fields.Month == 0 && fields.Day == 0;
                        (fields.Year, fields.Month, fields.Day) = (year, month, day);
                        return true;
                    }
                }
            }
        }
        pos = start;
        return false;
    }

    private readonly bool TryOrder(
        int first, int firstDigits, int second, int third, int thirdDigits, char separator, out int year, out int month, out int day)
    {
        if (firstDigits == 4 && thirdDigits <= 2)
        {
            (year, month, day) = (first, second, third);
            return true;
        }
        if (firstDigits <= 2 && thirdDigits is 2 or 4)
        {
            year = DateFields.ExpandYear(third, thirdDigits);
            var dayFirst = first > 12 || (second <= 12 && (separator == '.' || !WritesMonthFirst(language)));
            (month, day) = dayFirst ? (second, first) : (first, second);
            return true;
        }
        (year, month, day) = (0, 0, 0);
        return false;
    }

    // American usage; the generic "en" and a missing language are taken as American because most such feeds are.
    private static bool WritesMonthFirst(string? language) =>
        string.IsNullOrWhiteSpace(language)
        || language.AsSpan().Trim().Equals("en", StringComparison.OrdinalIgnoreCase)
        || FeedDates.IsLanguage(language, "en-us");

    private readonly int SkipSpacesAfterDot(char separator, int i)
    {
        if (separator == '.')
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }
        }
        return i;
    }

    // 2024年1月2日 10时30分, 2024년 1월 2일: the marker after a number names its field.
    private bool TryReadMarkedNumber(int value, int digits, out bool ok)
    {
        ok = false;
        var i = pos;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
        if (i == text.Length)
        {
            return false;
        }
        var marker = text[i];
        switch (marker)
        {
            case '年' or '년':
                ok = fields.Year == 0;
                fields.Year = DateFields.ExpandYear(value, digits);
                break;
            case '月' or '월':
                ok = fields.Month == 0;
                fields.Month = value;
                break;
            case '日' or '号' or '號' or '일':
                ok = fields.Day == 0;
                fields.Day = value;
                break;
            case '时' or '時' or '点' or '點' or '시':
                ok = !fields.HasTime;
                fields.SetTime(value, 0, 0, 0);
                break;
            case '分' or '분':
                ok = fields.HasTime;
                fields.Minute = value;
                break;
            case '秒' or '초':
                ok = fields.HasTime;
                fields.Second = value;
                break;
            default:
                return false;
        }
        NoteScript(marker);
        pos = i + 1;
        return true;
    }

    private bool AssignByPosition(int value, int digits)
    {
        if (digits >= 3)
        {
            if (fields.Year == 0)
            {
                fields.Year = DateFields.ExpandYear(value, digits);
                return true;
            }
            // RFC 822 allows the time without a colon: "03 Apr 02 1500 GMT".
            if (digits == 4 && !fields.HasTime)
            {
                fields.SetTime(value / 100, value % 100, 0, 0);
                return true;
            }
            return false;
        }
        if (!fields.HasTime && MeridiemFollows())
        {
            fields.SetTime(value, 0, 0, 0);
            return true;
        }
        if (fields.Day == 0)
        {
            fields.Day = value;
            return true;
        }
        // A lone digit is never a year: "Jan 5 3" is noise, not 2003.
        if (fields.Year == 0 && digits == 2)
        {
            fields.Year = DateFields.ExpandYear(value, digits);
            return true;
        }
        return false;
    }

    // "4 PM", "4 p.m."
    private readonly bool MeridiemFollows()
    {
        var i = pos;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
        if (i + 1 >= text.Length || (text[i] | 0x20) is not ('a' or 'p'))
        {
            return false;
        }
        var m = text[i + 1] == '.' ? i + 2 : i + 1;
        return m < text.Length && (text[m] | 0x20) == 'm' && !IsLetterAt(m + 1);
    }

    // +0800, +08:00, +8, -05 after a time or after GMT/UTC ("GMT+8").
    private bool ReadOffset()
    {
        var negative = text[pos] != '+';
        pos++;
        var value = ReadDigits(out var digits);
        int hours, minutes = 0;
        if (digits <= 2)
        {
            hours = value;
            if (pos + 1 < text.Length && text[pos] == ':' && IsDigit(text[pos + 1]))
            {
                pos++;
                minutes = ReadDigits(out var minuteDigits);
                if (minuteDigits != 2)
                {
                    return false;
                }
            }
        }
        else if (digits <= 4)
        {
            (hours, minutes) = (value / 100, value % 100);
        }
        else
        {
            return false;
        }
        // An impossible offset ("+3000" is in the wild) is a typo in an otherwise good date: it is ignored, not fatal.
        var possible = hours <= DateFields.MaxOffsetHours && minutes <= 59;
        if (possible && fields.Zone is DateWordKind.Unknown or DateWordKind.Universal)
        {
            var offset = (hours * 60) + minutes;
            fields.SetZone(DateWordKind.Zone, negative ? -offset : offset);
        }
        return true;
    }

    private void ReadWord()
    {
        var start = pos;
        while (pos < text.Length && char.IsLetter(text[pos]) && !IsCjk(text[pos]))
        {
            pos++;
        }
        var word = text[start..pos];
        afterUniversalZone = false;
        if (word.Length == 1 && (word[0] | 0x20) is 'a' or 'p' && pos + 1 < text.Length && text[pos] == '.' && (text[pos + 1] | 0x20) == 'm')
        {
            // "a.m." and "p.m."
            fields.Meridiem ??= (word[0] | 0x20) == 'a' ? 0 : 12;
            pos += 2;
            return;
        }
        var found = DateWords.Find(word);
        switch (found.Kind)
        {
            case DateWordKind.Month when fields.Month == 0 || monthFromLeadingWord:
                fields.Month = found.Value;
                monthFromLeadingWord = tokens == 0;
                break;
            case DateWordKind.Universal:
                if (fields.Zone == DateWordKind.Unknown)
                {
                    fields.SetZone(DateWordKind.Universal, 0);
                }
                afterUniversalZone = true;
                break;
            case DateWordKind.Zone or DateWordKind.ChinaOrCentral when fields.Zone == DateWordKind.Unknown:
                fields.SetZone(found.Kind, found.Value);
                break;
            case DateWordKind.Meridiem:
                fields.Meridiem ??= found.Value;
                break;
        }
    }

    // CJK text other than a marker after a number: AM/PM words are read, anything else (weekdays, 星期二) is skipped.
    private void ReadCjk()
    {
        var c = text[pos];
        NoteScript(c);
        if (pos + 1 < text.Length && CjkMeridiem(c, text[pos + 1]) is { } meridiem)
        {
            fields.Meridiem ??= meridiem;
            if (c == '午')
            {
                // 午前/午後 are Japanese; Chinese says 上午/下午.
                fields.ScriptOffsetMinutes = 540;
            }
            pos += 2;
            return;
        }
        pos++;
    }

    private static int? CjkMeridiem(char first, char second) => (first, second) switch
    {
        ('上', '午') or ('早', '上') or ('凌', '晨') or ('午', '前') or ('오', '전') => 0,
        ('下', '午') or ('中', '午') or ('晚', '上') or ('午', '後') or ('오', '후') => 12,
        _ => null,
    };

    private void NoteScript(char c)
    {
        if (c is >= '\uAC00' and <= '\uD7AF' or >= '\u3040' and <= '\u30FF')
        {
            fields.ScriptOffsetMinutes = 540;
        }
        else
        {
            fields.ScriptOffsetMinutes ??= 480;
        }
    }

    // Parentheses hold comments in RFC 822 and JavaScript's zone name: "(PST)", "(China Standard Time)", "（星期二）".
    private void SkipComment()
    {
        var depth = 0;
        do
        {
            var c = text[pos++];
            if (c is '(' or '（')
            {
                depth++;
            }
            else if (c is ')' or '）')
            {
                depth--;
            }
        }
        while (depth > 0 && pos < text.Length);
    }

    private int ReadDigits(out int digits)
    {
        var value = 0;
        var start = pos;
        while (pos < text.Length && IsDigit(text[pos]))
        {
            // Counting on past the limit keeps a long run one number, which the callers then refuse.
            if (pos - start < MaxNumberDigits)
            {
                value = (value * 10) + (text[pos] & 0xF);
            }
            pos++;
        }
        digits = pos - start;
        return value;
    }

    private readonly bool IsDigitAt(int i) => i < text.Length && IsDigit(text[i]);

    private readonly bool IsLetterAt(int i) => i < text.Length && char.IsLetter(text[i]);

    // ASCII and full-width digits, both of which CJK sites use.
    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';

    // Kana, CJK ideographs and Hangul syllables: each character is a token of its own.
    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF';
}
