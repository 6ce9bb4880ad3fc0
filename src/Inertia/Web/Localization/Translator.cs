using System.Globalization;

namespace Inertia.Web.Localization;

/// <summary>
/// The interface's words in one language. Strings are looked up by their English text (as ASP.NET Core's
/// own localizers do), so pages read naturally and English needs no table; a string missing from a
/// language's table shows in English rather than not at all (a test keeps the tables complete).
/// </summary>
internal sealed class Translator(UiLanguage language)
{
    public UiLanguage Language { get; } = language;

    /// <summary>The BCP 47 code of the language, for <c>&lt;html lang&gt;</c>.</summary>
    public string Code => Language.Code;

    public CultureInfo Culture => Language.Culture;

    /// <summary>
    /// The text in this language. An English string that means two things another language tells apart takes a
    /// context in brackets before it, "[list] Starred" beside "Starred" (the state): its key in the tables, shown
    /// in English without the context.
    /// </summary>
    public string this[string english] => Language.Strings.TryGetValue(english, out var translated) ? translated : WithoutContext(english);

    private static string WithoutContext(string english) =>
        english.StartsWith('[') && english.IndexOf("] ", StringComparison.Ordinal) is > 0 and var end ? english[(end + 2)..] : english;

    /// <summary>The text in this language with <paramref name="args"/> put in its {0}, {1}… places.</summary>
    public string this[string english, params object?[] args] => string.Format(Culture, this[english], args);

    /// <summary>
    /// "just now", "5 min ago", "3 h ago", "2 d ago" for the past and "in a moment", "in 40 min", "in 3 h",
    /// "in 2 d" for the future (a feed's next check), then the date, in the reader's time zone.
    /// </summary>
    public string Ago(DateTimeOffset when, DateTimeOffset now, TimeZoneInfo zone)
    {
        var age = now - when;
        if (age < TimeSpan.Zero)
        {
            var until = -age;
            return until.TotalMinutes switch
            {
                < 1 => this["in a moment"],
                < 60 => this["in {0} min", (int)until.TotalMinutes],
                < 24 * 60 => this["in {0} h", (int)until.TotalHours],
                < 7 * 24 * 60 => this["in {0} d", (int)until.TotalDays],
                _ => Day(when, zone),
            };
        }
        return age.TotalMinutes switch
        {
            < 1 => this["just now"],
            < 60 => this["{0} min ago", (int)age.TotalMinutes],
            < 24 * 60 => this["{0} h ago", (int)age.TotalHours],
            < 7 * 24 * 60 => this["{0} d ago", (int)age.TotalDays],
            _ => Day(when, zone),
        };
    }

    /// <summary>The day, in the reader's time zone: "2023-05-18".</summary>
    public static string Day(DateTimeOffset when, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(when, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The date and time in full, in the reader's time zone: "18 May 2023, 14:02" / "2023年5月18日 14:02".</summary>
    public string DateTime(DateTimeOffset when, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(when, zone).ToString(this["d MMM yyyy, HH:mm"], Culture);
}
