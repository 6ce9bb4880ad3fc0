using System.Globalization;
using System.Text.RegularExpressions;
using Inertia.Web.Localization;

namespace Inertia.Tests.Web;

/// <summary>Every string the interface shows is translated, and every translation is of a string still in use.</summary>
public sealed partial class TranslationTests
{
    // T["..."], t["..."] and this["..."] in pages and code; the English messages of the account rules, of search queries and
    // of a rule that ran out of time (RuleBook.TimedOut, shown on the rules page).
    [GeneratedRegex(""""(?:\b[Tt]|\bthis)\["((?:[^"\\]|\\.)*)"|new RuleProblem\("((?:[^"\\]|\\.)*)"|new SearchQueryException\([^,"]+, "((?:[^"\\]|\\.)*)"|const string TimedOut = "((?:[^"\\]|\\.)*)"""")]
    private static partial Regex Lookup();

    private static readonly string SourceRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Inertia"));

    private static SortedSet<string> UsedStrings()
    {
        Assert.True(Directory.Exists(SourceRoot), $"The sources are not at {SourceRoot}.");
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SourceRoot, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            foreach (Match match in Lookup().Matches(File.ReadAllText(file)))
            {
                var text = match.Groups.Values.Skip(1).First(g => g.Success).Value;
                used.Add(Regex.Unescape(text));
            }
        }
        return used;
    }

    [Fact]
    public void Every_string_of_the_interface_has_a_chinese_translation_and_no_translation_is_stale()
    {
        var used = UsedStrings();
        Assert.True(used.Count > 100, $"Only {used.Count} strings were found: the scan is broken.");
        var table = UiLanguage.SimplifiedChinese.Strings;
        var missing = used.Where(s => !table.ContainsKey(s)).ToList();
        var stale = table.Keys.Where(k => !used.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing from zh-CN.json:\n" + string.Join("\n", missing.Select(m => "  \"" + m.Replace("\"", "\\\"", StringComparison.Ordinal) + "\": \"\",")));
        Assert.True(stale.Count == 0, "No longer used, in zh-CN.json:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void Translations_keep_every_placeholder_of_the_english()
    {
        foreach (var (english, chinese) in UiLanguage.SimplifiedChinese.Strings)
        {
            var places = Placeholders().Matches(english).Select(m => m.Value).Order(StringComparer.Ordinal);
            Assert.True(places.SequenceEqual(Placeholders().Matches(chinese).Select(m => m.Value).Order(StringComparer.Ordinal)), $"\"{english}\" → \"{chinese}\" changes the {{n}} places");
            Assert.False(string.IsNullOrWhiteSpace(chinese), $"\"{english}\" has an empty translation");
        }
    }

    [Fact]
    public void Relative_times_and_dates_read_naturally_in_both_languages()
    {
        var now = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        var english = new Translator(UiLanguage.English);
        var chinese = new Translator(UiLanguage.SimplifiedChinese);
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.Equal("just now", english.Ago(now.AddSeconds(-20), now, TimeZoneInfo.Utc));
        Assert.Equal("5 min ago", english.Ago(now.AddMinutes(-5), now, TimeZoneInfo.Utc));
        Assert.Equal("5 分钟前", chinese.Ago(now.AddMinutes(-5), now, TimeZoneInfo.Utc));
        Assert.Equal("3 h ago", english.Ago(now.AddHours(-3), now, TimeZoneInfo.Utc));
        Assert.Equal("2 d ago", english.Ago(now.AddDays(-2), now, TimeZoneInfo.Utc));
        Assert.Equal("3 小时前", chinese.Ago(now.AddHours(-3), now, TimeZoneInfo.Utc));
        Assert.Equal("2 天前", chinese.Ago(now.AddDays(-2), now, TimeZoneInfo.Utc));
        Assert.Equal("刚刚", chinese.Ago(now.AddSeconds(-20), now, TimeZoneInfo.Utc));
        Assert.Equal("2026-11-01", english.Ago(new DateTimeOffset(2026, 10, 31, 20, 0, 0, TimeSpan.Zero), now, shanghai));
        Assert.Equal("2 Dec 2026, 20:00", english.DateTime(now, shanghai));
        Assert.Equal("2026年12月2日 20:00", chinese.DateTime(now, shanghai));
    }

    [Fact]
    public void Future_times_read_as_how_long_until_them_in_both_languages()
    {
        var now = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        var english = new Translator(UiLanguage.English);
        var chinese = new Translator(UiLanguage.SimplifiedChinese);
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.Equal("in a moment", english.Ago(now.AddSeconds(20), now, TimeZoneInfo.Utc));
        Assert.Equal("即将", chinese.Ago(now.AddSeconds(20), now, TimeZoneInfo.Utc));
        Assert.Equal("in 40 min", english.Ago(now.AddMinutes(40), now, TimeZoneInfo.Utc));
        Assert.Equal("40 分钟后", chinese.Ago(now.AddMinutes(40), now, TimeZoneInfo.Utc));
        Assert.Equal("in 3 h", english.Ago(now.AddHours(3).AddMinutes(10), now, TimeZoneInfo.Utc));
        Assert.Equal("3 小时后", chinese.Ago(now.AddHours(3), now, TimeZoneInfo.Utc));
        Assert.Equal("in 2 d", english.Ago(now.AddDays(2), now, TimeZoneInfo.Utc));
        Assert.Equal("2 天后", chinese.Ago(now.AddDays(2), now, TimeZoneInfo.Utc));
        Assert.Equal("2026-12-31", english.Ago(new DateTimeOffset(2026, 12, 30, 20, 0, 0, TimeSpan.Zero), now, shanghai));
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-TW,en;q=0.5", "en")]
    [InlineData("fr-FR, en;q=0.3", "en")]
    [InlineData("de, zh-Hans;q=0.9", "zh-CN")]
    [InlineData("en-GB,zh-CN;q=0.2", "en")]
    public void The_browser_language_chooses_the_interface_language(string header, string expected)
    {
        var accepted = header.Split(',').Select(part =>
        {
            var pieces = part.Trim().Split(";q=");
            return (pieces[0], pieces.Length > 1 ? double.Parse(pieces[1], CultureInfo.InvariantCulture) : 1.0);
        });
        Assert.Equal(expected, UiLanguage.FromAcceptLanguage(accepted).Code);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholders();
}
