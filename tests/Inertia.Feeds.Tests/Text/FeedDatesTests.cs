using System.Globalization;
using System.Text;
using Inertia.Feeds.Text;

namespace Inertia.Feeds.Tests.Text;

public sealed class FeedDatesTests
{
    private const string Rejected = "rejected";

    // The instant as "yyyy-MM-ddTHH:mm:ss[.fffffff]Z", or "rejected"; also checks that every result is in UTC.
    private static string Parse(string text, string? language = null)
    {
        if (!FeedDates.TryParse(text, language, out var utc))
        {
            Assert.Equal(default, utc);
            return Rejected;
        }
        Assert.Equal(TimeSpan.Zero, utc.Offset);
        return utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("Tue, 02 Jan 2024 10:00:00 GMT", "2024-01-02T10:00:00Z")]
    [InlineData("Tue, 02 Jan 2024 10:00:00 +0000", "2024-01-02T10:00:00Z")]
    [InlineData("Tue, 02 Jan 2024 10:00:00 -0500", "2024-01-02T15:00:00Z")]
    [InlineData("Tue, 02 Jan 2024 10:00:00 +0530", "2024-01-02T04:30:00Z")]
    [InlineData("Tue, 02 Jan 2024 10:00:00 -0330", "2024-01-02T13:30:00Z")]
    [InlineData("Tue, 02 Jan 2024 10:00:00.500 GMT", "2024-01-02T10:00:00.5Z")]
    [InlineData("Wed, 28 Feb 2024 23:30:00 -0100", "2024-02-29T00:30:00Z")]
    public void Rfc822_dates_are_read_to_utc(string text, string expected) => Assert.Equal(expected, Parse(text));

    [Theory]
    [InlineData("02 Jan 2024 10:00:00 +0100", "2024-01-02T09:00:00Z")]
    [InlineData("Fri, 02 Jan 2024 10:00:00 +0100", "2024-01-02T09:00:00Z")]
    [InlineData("Sunday, 02 Jan 2024 10:00:00 +0100", "2024-01-02T09:00:00Z")]
    [InlineData("Tue 02 Jan 2024 10:00:00 +0100", "2024-01-02T09:00:00Z")]
    public void Rfc822_weekday_may_be_missing_wrong_or_without_comma(string text, string expected) =>
        Assert.Equal(expected, Parse(text));

    [Theory]
    [InlineData("Tue, 02 Jan 24 10:00:00 GMT", "2024-01-02T10:00:00Z")]
    [InlineData("Sun, 02 Jan 00 10:00:00 GMT", "2000-01-02T10:00:00Z")]
    [InlineData("Sat, 02 Jan 49 10:00:00 GMT", "2049-01-02T10:00:00Z")]
    [InlineData("Mon, 02 Jan 50 10:00:00 GMT", "1950-01-02T10:00:00Z")]
    [InlineData("Sat, 02 Jan 99 10:00:00 GMT", "1999-01-02T10:00:00Z")]
    public void Rfc822_with_two_digit_year_follows_the_rfc2822_window(string text, string expected) =>
        Assert.Equal(expected, Parse(text));

    [Theory]
    [InlineData("Tue, 02 Jan 124 10:00:00 GMT", "2024-01-02T10:00:00Z")]
    [InlineData("Thu, 02 Jan 103 10:00:00 GMT", "2003-01-02T10:00:00Z")]
    public void Rfc822_with_three_digit_year_counts_from_1900(string text, string expected) =>
        Assert.Equal(expected, Parse(text));

    [Theory]
    [InlineData("UT", "2024-01-02T10:00:00Z")]
    [InlineData("UTC", "2024-01-02T10:00:00Z")]
    [InlineData("GMT", "2024-01-02T10:00:00Z")]
    [InlineData("Z", "2024-01-02T10:00:00Z")]
    [InlineData("EST", "2024-01-02T15:00:00Z")]
    [InlineData("EDT", "2024-01-02T14:00:00Z")]
    [InlineData("CST", "2024-01-02T16:00:00Z")]
    [InlineData("CDT", "2024-01-02T15:00:00Z")]
    [InlineData("MST", "2024-01-02T17:00:00Z")]
    [InlineData("MDT", "2024-01-02T16:00:00Z")]
    [InlineData("PST", "2024-01-02T18:00:00Z")]
    [InlineData("PDT", "2024-01-02T17:00:00Z")]
    [InlineData("AKST", "2024-01-02T19:00:00Z")]
    [InlineData("AKDT", "2024-01-02T18:00:00Z")]
    [InlineData("HST", "2024-01-02T20:00:00Z")]
    [InlineData("CET", "2024-01-02T09:00:00Z")]
    [InlineData("CEST", "2024-01-02T08:00:00Z")]
    [InlineData("MET", "2024-01-02T09:00:00Z")]
    [InlineData("MEST", "2024-01-02T08:00:00Z")]
    [InlineData("MEZ", "2024-01-02T09:00:00Z")]
    [InlineData("MESZ", "2024-01-02T08:00:00Z")]
    [InlineData("EET", "2024-01-02T08:00:00Z")]
    [InlineData("EEST", "2024-01-02T07:00:00Z")]
    [InlineData("WET", "2024-01-02T10:00:00Z")]
    [InlineData("WEST", "2024-01-02T09:00:00Z")]
    [InlineData("BST", "2024-01-02T09:00:00Z")]
    [InlineData("IST", "2024-01-02T04:30:00Z")]
    [InlineData("JST", "2024-01-02T01:00:00Z")]
    [InlineData("KST", "2024-01-02T01:00:00Z")]
    [InlineData("HKT", "2024-01-02T02:00:00Z")]
    [InlineData("SGT", "2024-01-02T02:00:00Z")]
    [InlineData("AEST", "2024-01-02T00:00:00Z")]
    [InlineData("AEDT", "2024-01-01T23:00:00Z")]
    [InlineData("ACST", "2024-01-02T00:30:00Z")]
    [InlineData("AWST", "2024-01-02T02:00:00Z")]
    [InlineData("NZST", "2024-01-01T22:00:00Z")]
    [InlineData("NZDT", "2024-01-01T21:00:00Z")]
    [InlineData("MSK", "2024-01-02T07:00:00Z")]
    [InlineData("est", "2024-01-02T15:00:00Z")]
    public void Rfc822_zone_abbreviations_have_their_offsets(string zone, string expected) =>
        Assert.Equal(expected, Parse("Tue, 02 Jan 2024 10:00:00 " + zone));

    [Theory]
    [InlineData("GMT+8", "2024-01-02T02:00:00Z")]
    [InlineData("GMT+08:00", "2024-01-02T02:00:00Z")]
    [InlineData("GMT-0330", "2024-01-02T13:30:00Z")]
    [InlineData("UTC-5", "2024-01-02T15:00:00Z")]
    [InlineData("UTC+05:30", "2024-01-02T04:30:00Z")]
    [InlineData("+0800", "2024-01-02T02:00:00Z")]
    [InlineData("+08:00", "2024-01-02T02:00:00Z")]
    [InlineData("+8", "2024-01-02T02:00:00Z")]
    [InlineData("-05", "2024-01-02T15:00:00Z")]
    [InlineData("\u22120500", "2024-01-02T15:00:00Z")]
    public void Rfc822_numeric_offsets_in_every_spelling_are_read(string zone, string expected) =>
        Assert.Equal(expected, Parse("Tue, 02 Jan 2024 10:00:00 " + zone));

    [Theory]
    [InlineData("Tue, 02 Jan 2024 10:00 GMT", "2024-01-02T10:00:00Z")]
    [InlineData("Tue, 2 Jan 2024 9:05:01 GMT", "2024-01-02T09:05:01Z")]
    [InlineData("Tue,  2  Jan  2024   10:00:00    GMT", "2024-01-02T10:00:00Z")]
    [InlineData("Tue, 4 Nov 2025 14:25:56  EST", "2025-11-04T19:25:56Z")]
    [InlineData("  Tue, 02 Jan 2024 10:00:00 GMT \n", "2024-01-02T10:00:00Z")]
    [InlineData("tue, 02 jan 2024 10:00:00 gmt", "2024-01-02T10:00:00Z")]
    [InlineData("TUE, 02 JAN 2024 10:00:00 GMT", "2024-01-02T10:00:00Z")]
    [InlineData("03 Apr 02 1500 GMT", "2002-04-03T15:00:00Z")]
    public void Rfc822_sloppy_spacing_case_and_short_times_are_accepted(string text, string expected) =>
        Assert.Equal(expected, Parse(text));

    [Fact]
    public void Rfc822_without_zone_is_utc() => Assert.Equal("2024-01-02T10:00:00Z", Parse("Tue, 02 Jan 2024 10:00:00"));

    [Theory]
    [InlineData("Tue, 02 Jan 2024 10:00:00 -0800 (PST)", "2024-01-02T18:00:00Z")]
    [InlineData("Tue, 02 Jan 2024 10:00:00 GMT+0000 (Coordinated Universal Time)", "2024-01-02T10:00:00Z")]
    [InlineData("Tue Jan 02 2024 10:00:00 GMT+0800 (China Standard Time)", "2024-01-02T02:00:00Z")]
    [InlineData("Tue Jan 02 2024 10:00:00 GMT-0500 (Eastern Standard Time)", "2024-01-02T15:00:00Z")]
    [InlineData("Tue, 02 Jan 2024 10:00:00 +0000 (unclosed comment 12345", "2024-01-02T10:00:00Z")]
    public void Trailing_comments_and_javascript_zone_names_are_ignored(string text, string expected) =>
        Assert.Equal(expected, Parse(text));

    [Fact]
    public void Javascript_date_to_string_output_is_read() =>
        Assert.Equal("2024-01-02T02:00:00Z", Parse("Tue Jan 02 2024 10:00:00 GMT+0800 (China Standard Time)"));

    [Fact]
    public void C_asctime_output_is_read() => Assert.Equal("2024-01-02T10:00:00Z", Parse("Tue Jan  2 10:00:00 2024"));

    [Theory]
    [InlineData("Tue, 12 Sept. 2023 10:00:00 GMT", "2023-09-12T10:00:00Z")]
    [InlineData("Tue, 12 Sept 2023 10:00:00 GMT", "2023-09-12T10:00:00Z")]
    [InlineData("Tue, 02 Jan. 2024 10:00:00 GMT", "2024-01-02T10:00:00Z")]
    [InlineData("Sun, 02 June 2024 10:00:00 GMT", "2024-06-02T10:00:00Z")]
    [InlineData("Tue, 02 July 2024 10:00:00 EST", "2024-07-02T15:00:00Z")]
    [InlineData("Mon, 02 December 2024 10:00:00 GMT", "2024-12-02T10:00:00Z")]
    [InlineData("January, 29 Jan 2021 17:56:15 +0530", "2021-01-29T12:26:15Z")]
    public void English_month_names_may_be_long_or_dotted(string text, string expected) =>
        Assert.Equal(expected, Parse(text));

    [Theory]
    [InlineData("Di, 02 Jan 2024 10:00:00 +0100", "de", "2024-01-02T09:00:00Z")]
    [InlineData("Do, 22 Dez 2016 17:36:00 +0000", "de", "2016-12-22T17:36:00Z")]
    [InlineData("2. März 2024 10:00 MEZ", "de", "2024-03-02T09:00:00Z")]
    [InlineData("2. Juli 2024 10:00 MESZ", "de", "2024-07-02T08:00:00Z")]
    [InlineData("2. Mrz 2024", "de", "2024-03-02T00:00:00Z")]
    [InlineData("2. Maerz 2024", "de", "2024-03-02T00:00:00Z")]
    [InlineData("1. Mai 2024", "de", "2024-05-01T00:00:00Z")]
    [InlineData("15. Okt. 2024 10:00", "de", "2024-10-15T10:00:00Z")]
    [InlineData("24. Dezember 2024", "de", "2024-12-24T00:00:00Z")]
    [InlineData("3. Jänner 2024", "de-AT", "2024-01-03T00:00:00Z")]
    public void German_dates_are_read(string text, string language, string expected) =>
        Assert.Equal(expected, Parse(text, language));

    [Theory]
    [InlineData("2 janvier 2024 10:00", "2024-01-02T10:00:00Z")]
    [InlineData("lun., 15 juil. 2024 08:00:00 +0200", "2024-07-15T06:00:00Z")]
    [InlineData("mar., 16 juil. 2024 08:00:00 +0200", "2024-07-16T06:00:00Z")]
    [InlineData("1 févr. 2024", "2024-02-01T00:00:00Z")]
    [InlineData("1 fevr 2024", "2024-02-01T00:00:00Z")]
    [InlineData("3 mars 2024", "2024-03-03T00:00:00Z")]
    [InlineData("3 avr. 2024", "2024-04-03T00:00:00Z")]
    [InlineData("3 mai 2024", "2024-05-03T00:00:00Z")]
    [InlineData("3 juin 2024", "2024-06-03T00:00:00Z")]
    [InlineData("3 juillet 2024", "2024-07-03T00:00:00Z")]
    [InlineData("15 août 2024", "2024-08-15T00:00:00Z")]
    [InlineData("15 AOÛT 2024", "2024-08-15T00:00:00Z")]
    [InlineData("3 sept. 2024", "2024-09-03T00:00:00Z")]
    [InlineData("3 oct. 2024", "2024-10-03T00:00:00Z")]
    [InlineData("3 nov. 2024", "2024-11-03T00:00:00Z")]
    [InlineData("3 déc. 2024", "2024-12-03T00:00:00Z")]
    [InlineData("le 2 janvier 2024 à 10h30", "2024-01-02T10:30:00Z")]
    public void French_dates_are_read(string text, string expected) => Assert.Equal(expected, Parse(text, "fr"));

    [Theory]
    [InlineData("15 de julio de 2024 10:00", "2024-07-15T10:00:00Z")]
    [InlineData("mar, 02 ene 2024 10:00:00 +0100", "2024-01-02T09:00:00Z")]
    [InlineData("2 abr 2024", "2024-04-02T00:00:00Z")]
    [InlineData("2 ago 2024", "2024-08-02T00:00:00Z")]
    [InlineData("2 de setiembre de 2024", "2024-09-02T00:00:00Z")]
    [InlineData("2 de septiembre de 2024", "2024-09-02T00:00:00Z")]
    [InlineData("sáb, 21 dic 2024", "2024-12-21T00:00:00Z")]
    public void Spanish_dates_are_read(string text, string expected) => Assert.Equal(expected, Parse(text, "es"));

    [Theory]
    [InlineData("2 gen 2024", "2024-01-02T00:00:00Z")]
    [InlineData("2 mag 2024", "2024-05-02T00:00:00Z")]
    [InlineData("2 giu 2024", "2024-06-02T00:00:00Z")]
    [InlineData("2 lug 2024", "2024-07-02T00:00:00Z")]
    [InlineData("2 ago 2024", "2024-08-02T00:00:00Z")]
    [InlineData("2 set 2024", "2024-09-02T00:00:00Z")]
    [InlineData("2 ott 2024", "2024-10-02T00:00:00Z")]
    [InlineData("2 dic 2024", "2024-12-02T00:00:00Z")]
    [InlineData("mar 2 gennaio 2024 10:00", "2024-01-02T10:00:00Z")]
    public void Italian_dates_are_read(string text, string expected) => Assert.Equal(expected, Parse(text, "it"));

    [Theory]
    [InlineData("Seg, 24 Set 2018 19:18:49 -0300", "2018-09-24T22:18:49Z")]
    [InlineData("2 fev 2024", "2024-02-02T00:00:00Z")]
    [InlineData("2 abr 2024", "2024-04-02T00:00:00Z")]
    [InlineData("2 mai 2024", "2024-05-02T00:00:00Z")]
    [InlineData("2 ago 2024", "2024-08-02T00:00:00Z")]
    [InlineData("2 out 2024", "2024-10-02T00:00:00Z")]
    [InlineData("2 dez 2024", "2024-12-02T00:00:00Z")]
    [InlineData("15 de março de 2024 às 10:00", "2024-03-15T10:00:00Z")]
    public void Portuguese_dates_are_read(string text, string expected) => Assert.Equal(expected, Parse(text, "pt-BR"));

    [Theory]
    [InlineData("di 2 mrt 2024 10:00", "2024-03-02T10:00:00Z")]
    [InlineData("2 mei 2024", "2024-05-02T00:00:00Z")]
    [InlineData("2 okt. 2024", "2024-10-02T00:00:00Z")]
    [InlineData("2 maart 2024", "2024-03-02T00:00:00Z")]
    public void Dutch_dates_are_read(string text, string expected) => Assert.Equal(expected, Parse(text, "nl"));

    [Theory]
    [InlineData("2 января 2024 10:00", "2024-01-02T10:00:00Z")]
    [InlineData("15 февраля 2024", "2024-02-15T00:00:00Z")]
    [InlineData("8 марта 2024", "2024-03-08T00:00:00Z")]
    [InlineData("12 апреля 2024", "2024-04-12T00:00:00Z")]
    [InlineData("1 Мая 2024", "2024-05-01T00:00:00Z")]
    [InlineData("22 июня 2024", "2024-06-22T00:00:00Z")]
    [InlineData("4 июля 2024", "2024-07-04T00:00:00Z")]
    [InlineData("19 августа 2024", "2024-08-19T00:00:00Z")]
    [InlineData("1 сентября 2024", "2024-09-01T00:00:00Z")]
    [InlineData("7 октября 2024", "2024-10-07T00:00:00Z")]
    [InlineData("4 ноября 2024", "2024-11-04T00:00:00Z")]
    [InlineData("31 декабря 2023 г., 23:59", "2023-12-31T23:59:00Z")]
    [InlineData("вт, 02 янв 2024 10:00:00 +0300", "2024-01-02T07:00:00Z")]
    public void Russian_genitive_month_names_are_read(string text, string expected) => Assert.Equal(expected, Parse(text, "ru"));

    [Theory]
    [InlineData("2 października 2024", "pl", "2024-10-02T00:00:00Z")]
    [InlineData("3 września 2024", "pl", "2024-09-03T00:00:00Z")]
    [InlineData("2 maj 2024", "sv", "2024-05-02T00:00:00Z")]
    public void Polish_and_scandinavian_month_names_are_read(string text, string language, string expected) =>
        Assert.Equal(expected, Parse(text, language));

    [Theory]
    [InlineData("2024年1月2日 10:00", "2024-01-02T02:00:00Z")]
    [InlineData("2024年01月02日 10时30分", "2024-01-02T02:30:00Z")]
    [InlineData("2024年1月2日 10時30分15秒", "2024-01-02T02:30:15Z")]
    [InlineData("2024年1月2日", "2024-01-01T16:00:00Z")]
    [InlineData("2024 年 1 月 2 日", "2024-01-01T16:00:00Z")]
    [InlineData("2024年1月2日 下午3:05", "2024-01-02T07:05:00Z")]
    [InlineData("2024年1月2日 上午11:05", "2024-01-02T03:05:00Z")]
    [InlineData("2024年1月2日 上午12:05", "2024-01-01T16:05:00Z")]
    [InlineData("2024年1月2日 中午12:30", "2024-01-02T04:30:00Z")]
    [InlineData("2024年1月2日 晚上8点", "2024-01-02T12:00:00Z")]
    [InlineData("2024年1月2日（星期二）10:00", "2024-01-02T02:00:00Z")]
    [InlineData("２０２４年１月２日 １０：００", "2024-01-02T02:00:00Z")]
    [InlineData("2024年1月2日 10:00 CST", "2024-01-02T02:00:00Z")]
    [InlineData("2024年1月2日 10:00 +0000", "2024-01-02T10:00:00Z")]
    public void Chinese_dates_without_zone_are_china_time(string text, string expected) => Assert.Equal(expected, Parse(text));

    [Theory]
    [InlineData("2024년 1월 2일 오후 3:05", "2024-01-02T06:05:00Z")]
    [InlineData("2024. 1. 2. 오후 3:05", "2024-01-02T06:05:00Z")]
    [InlineData("2024年1月2日 午後3時05分", "2024-01-02T06:05:00Z")]
    public void Korean_and_japanese_dates_without_zone_are_utc_plus_nine(string text, string expected) =>
        Assert.Equal(expected, Parse(text));

    [Theory]
    [InlineData("2024-01-02 10:00:00", "zh-cn", "2024-01-02T02:00:00Z")]
    [InlineData("2024/01/02 10:00", "zh-CN", "2024-01-02T02:00:00Z")]
    [InlineData("2024.01.02", "zh", "2024-01-01T16:00:00Z")]
    [InlineData("2024-01-02 10:00:00", "zh_TW", "2024-01-02T02:00:00Z")]
    [InlineData("2024-01-02 10:00:00", "zh-Hant", "2024-01-02T02:00:00Z")]
    [InlineData("2024-01-02 10:00:00", "ja", "2024-01-02T01:00:00Z")]
    [InlineData("2024-01-02 10:00:00", "ko-KR", "2024-01-02T01:00:00Z")]
    [InlineData("2024-01-02 10:00:00", "en", "2024-01-02T10:00:00Z")]
    [InlineData("2024-01-02 10:00:00", null, "2024-01-02T10:00:00Z")]
    [InlineData("2024-01-02 10:00:00", "zulu", "2024-01-02T10:00:00Z")]
    [InlineData("2024年1月2日 10:00", "en", "2024-01-02T02:00:00Z")]
    [InlineData("2024年1月2日 10:00", "ja-JP", "2024-01-02T01:00:00Z")]
    [InlineData("Tue, 02 Jan 2024 10:00:00", "zh-cn", "2024-01-02T02:00:00Z")]
    public void Language_decides_the_zone_of_dates_that_name_none(string text, string? language, string expected) =>
        Assert.Equal(expected, Parse(text, language));

    [Theory]
    [InlineData("2024-01-02T10:00:00Z", "zh-cn", "2024-01-02T10:00:00Z")]
    [InlineData("Tue, 02 Jan 2024 10:00:00 +0100", "ja", "2024-01-02T09:00:00Z")]
    public void Language_never_overrides_a_zone_in_the_text(string text, string language, string expected) =>
        Assert.Equal(expected, Parse(text, language));

    [Theory]
    [InlineData("zh-cn", "2024-01-02T02:00:00Z")]
    [InlineData("ZH", "2024-01-02T02:00:00Z")]
    [InlineData(null, "2024-01-02T16:00:00Z")]
    [InlineData("en-us", "2024-01-02T16:00:00Z")]
    [InlineData("ja", "2024-01-02T16:00:00Z")]
    public void Cst_is_china_time_for_chinese_feeds_and_us_central_otherwise(string? language, string expected) =>
        Assert.Equal(expected, Parse("Tue, 02 Jan 2024 10:00:00 CST", language));

    [Theory]
    [InlineData("2003-12-13T18:30:02Z", "2003-12-13T18:30:02Z")]
    [InlineData("2003-12-13T18:30:02.25Z", "2003-12-13T18:30:02.25Z")]
    [InlineData("2003-12-13T18:30:02.1Z", "2003-12-13T18:30:02.1Z")]
    [InlineData("2003-12-13T18:30:02.123456789Z", "2003-12-13T18:30:02.1234567Z")]
    [InlineData("2003-12-13T18:30:02,5Z", "2003-12-13T18:30:02.5Z")]
    [InlineData("2003-12-13T18:30:02+01:00", "2003-12-13T17:30:02Z")]
    [InlineData("2003-12-13T18:30:02+0100", "2003-12-13T17:30:02Z")]
    [InlineData("2003-12-13T18:30:02+01", "2003-12-13T17:30:02Z")]
    [InlineData("2003-12-13T18:30:02-05:00", "2003-12-13T23:30:02Z")]
    [InlineData("2003-12-13T18:30:02.123-05:00", "2003-12-13T23:30:02.123Z")]
    [InlineData("2003-12-13T20:30:02-05:00", "2003-12-14T01:30:02Z")]
    [InlineData("2003-12-13t18:30:02z", "2003-12-13T18:30:02Z")]
    [InlineData("2003-12-13 18:30:02Z", "2003-12-13T18:30:02Z")]
    [InlineData("2003-12-13 18:30:02 -0500", "2003-12-13T23:30:02Z")]
    [InlineData("2003-12-13T18:30Z", "2003-12-13T18:30:00Z")]
    [InlineData("2003-12-13T18:30+09:00", "2003-12-13T09:30:00Z")]
    [InlineData("2018-01-06T08:00", "2018-01-06T08:00:00Z")]
    [InlineData("2003-12-13", "2003-12-13T00:00:00Z")]
    [InlineData("2003-12", "2003-12-01T00:00:00Z")]
    [InlineData("2003", "2003-01-01T00:00:00Z")]
    [InlineData("20031213T183002Z", "2003-12-13T18:30:02Z")]
    [InlineData("20031213T1830+0100", "2003-12-13T17:30:00Z")]
    [InlineData("20031213", "2003-12-13T00:00:00Z")]
    [InlineData("2003-12-13T24:00:00Z", "2003-12-14T00:00:00Z")]
    [InlineData("2024-01-02T10:00:00 UTC", "2024-01-02T10:00:00Z")]
    [InlineData("2024-01-02T10:00:00Z (UTC)", "2024-01-02T10:00:00Z")]
    [InlineData("2024-01-02T10:00:00+8", "2024-01-02T02:00:00Z")]
    [InlineData("2024-1-2 9:05", "2024-01-02T09:05:00Z")]
    public void Iso8601_rfc3339_and_w3cdtf_variants_are_read(string text, string expected) => Assert.Equal(expected, Parse(text));

    [Theory]
    [InlineData("2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z")]
    [InlineData("Sat, 31 Dec 2016 23:59:60 GMT", "2016-12-31T23:59:59Z")]
    public void Leap_second_is_clamped_to_59(string text, string expected) => Assert.Equal(expected, Parse(text));

    [Theory]
    [InlineData("June 10, 2003 4:00 PM EST", "2003-06-10T21:00:00Z")]
    [InlineData("Jun 10 2003", "2003-06-10T00:00:00Z")]
    [InlineData("10-Jun-2003 16:00", "2003-06-10T16:00:00Z")]
    [InlineData("10 Jun 2003", "2003-06-10T00:00:00Z")]
    [InlineData("2003/06/10", "2003-06-10T00:00:00Z")]
    [InlineData("2020/1/10 14:03:00", "2020-01-10T14:03:00Z")]
    [InlineData("June 10th, 2003", "2003-06-10T00:00:00Z")]
    [InlineData("Friday, January 29, 2021 04:42 PM", "2021-01-29T16:42:00Z")]
    [InlineData("June 10, 2003 4PM", "2003-06-10T16:00:00Z")]
    [InlineData("June 10, 2003 4 p.m.", "2003-06-10T16:00:00Z")]
    [InlineData("June 10, 2003 9:15 a.m.", "2003-06-10T09:15:00Z")]
    [InlineData("June 10, 2003 4:00pm", "2003-06-10T16:00:00Z")]
    public void Human_written_english_dates_are_read(string text, string expected) => Assert.Equal(expected, Parse(text));

    [Theory]
    [InlineData("June 10, 2003 12:30 AM", "2003-06-10T00:30:00Z")]
    [InlineData("June 10, 2003 12:30 PM", "2003-06-10T12:30:00Z")]
    [InlineData("June 10, 2003 11:59 PM", "2003-06-10T23:59:00Z")]
    [InlineData("June 10, 2003 15:00 PM", "2003-06-10T15:00:00Z")]
    public void Am_pm_follows_the_12_hour_clock(string text, string expected) => Assert.Equal(expected, Parse(text));

    [Theory]
    [InlineData("01/02/2024", null, "2024-01-02T00:00:00Z")]
    [InlineData("01/02/2024", "en-US", "2024-01-02T00:00:00Z")]
    [InlineData("01/02/2024", "en-GB", "2024-02-01T00:00:00Z")]
    [InlineData("01/02/2024", "fr", "2024-02-01T00:00:00Z")]
    [InlineData("25/12/2024", null, "2024-12-25T00:00:00Z")]
    [InlineData("12/25/2024", "fr", "2024-12-25T00:00:00Z")]
    [InlineData("02.01.2024 10:00", "de", "2024-01-02T10:00:00Z")]
    [InlineData("02.01.2024", null, "2024-01-02T00:00:00Z")]
    [InlineData("02.01.24", "de", "2024-01-02T00:00:00Z")]
    public void Numeric_day_month_order_follows_the_separator_and_language(string text, string? language, string expected) =>
        Assert.Equal(expected, Parse(text, language));

    [Theory]
    [InlineData("1704189600", "2024-01-02T10:00:00Z")]
    [InlineData("1704189600123", "2024-01-02T10:00:00.123Z")]
    [InlineData(" 1704189600 ", "2024-01-02T10:00:00Z")]
    public void Digit_only_unix_times_are_read(string text, string expected) => Assert.Equal(expected, Parse(text));

    [Theory]
    [InlineData(1704189600d, "2024-01-02T10:00:00Z")]
    [InlineData(1704189600.5d, "2024-01-02T10:00:00.5Z")]
    [InlineData(1704189600123d, "2024-01-02T10:00:00.123Z")]
    [InlineData(0d, "1970-01-01T00:00:00Z")]
    [InlineData(-2208988800d, "1900-01-01T00:00:00Z")]
    [InlineData(7258118399d, "2199-12-31T23:59:59Z")]
    public void Unix_time_numbers_are_seconds_or_milliseconds(double value, string expected)
    {
        Assert.True(FeedDates.TryFromUnixTime(value, out var utc));
        Assert.Equal(TimeSpan.Zero, utc.Offset);
        Assert.Equal(expected, utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-2208988801d)]
    [InlineData(9_999_999_999d)]
    [InlineData(1e19)]
    [InlineData(-1e300)]
    public void Unix_time_numbers_outside_1900_to_2200_are_rejected(double value)
    {
        Assert.False(FeedDates.TryFromUnixTime(value, out var utc));
        Assert.Equal(default, utc);
    }

    [Theory]
    [InlineData("31 Feb 2024")]
    [InlineData("29 Feb 2023")]
    [InlineData("2024-02-30")]
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-01-00")]
    [InlineData("2024-01-32T10:00:00Z")]
    [InlineData("Tue, 02 Jan 2024 25:00:00 GMT")]
    [InlineData("Tue, 02 Jan 2024 10:60:00 GMT")]
    [InlineData("Tue, 02 Jan 2024 10:00:61 GMT")]
    [InlineData("2024-01-02T10:60:00Z")]
    [InlineData("2024-01-02T24:00:01Z")]
    [InlineData("2024-01-02T25:00:00Z")]
    [InlineData("0000-00-00 00:00:00")]
    [InlineData("0000-00-00T00:00:00Z")]
    [InlineData("2024年2月30日")]
    [InlineData("2024年13月2日")]
    public void Impossible_dates_are_rejected(string text) => Assert.Equal(Rejected, Parse(text));

    [Theory]
    [InlineData("1899-12-31")]
    [InlineData("1850")]
    [InlineData("Tue, 02 Jan 1850 10:00:00 GMT")]
    [InlineData("2201-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("Tue, 02 Jan 0001 10:00:00 GMT")]
    [InlineData("9999999999999")]
    public void Years_before_1900_or_after_2200_are_rejected(string text) => Assert.Equal(Rejected, Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12")]
    [InlineData("0")]
    [InlineData("1234567")]
    [InlineData("123456789012345")]
    [InlineData("hello")]
    [InlineData("Tuesday")]
    [InlineData("N/A")]
    [InlineData("Jan 2024")]
    [InlineData("Jan 2")]
    [InlineData("12:30")]
    [InlineData("2 hours ago")]
    [InlineData("Posted 12 days ago")]
    [InlineData("GMT")]
    [InlineData("年月日")]
    [InlineData("1 2 3 Jan 2024")]
    [InlineData("Tue, 10 Jun 3 04:00:00 GMT")]
    [InlineData("Tue, 02 Jan 2024 10:00:00 12:00:00")]
    [InlineData("2024-01-02 PM")]
    [InlineData("Tue, 02 Jan 2024 10:00:00 +0000 123456")]
    [InlineData("2024年1月2日 2025年")]
    [InlineData("200312")]
    public void Text_without_a_complete_date_is_rejected(string text) => Assert.Equal(Rejected, Parse(text));

    [Fact]
    public void Impossible_offset_is_ignored_rather_than_losing_the_date() =>
        Assert.Equal("2016-03-11T01:15:00Z", Parse("Fri, 11 Mar 2016 01:15:00 +3000"));

    [Fact]
    public void Huge_and_binary_inputs_are_rejected_without_throwing()
    {
        Assert.Equal(Rejected, Parse(new string('9', 1_000_000)));
        Assert.Equal(Rejected, Parse("Tue, 02 Jan 2024 10:00:00 GMT" + new string(' ', 300) + "x"));
        Assert.Equal(Rejected, Parse("\0\0\0\u0001\uFFFF\uD800"));
        Assert.Equal(Rejected, Parse(Encoding.Latin1.GetString([0xFF, 0xFE, 0x00, 0x31, 0x32, 0x1B, 0x80])));
    }

    [Fact]
    public void Random_strings_and_mutated_dates_never_throw()
    {
        string[] seeds =
        [
            "Tue, 02 Jan 2024 10:00:00 +0000", "2003-12-13T18:30:02.123-05:00", "2024年1月2日 下午3:05",
            "Tue Jan 02 2024 10:00:00 GMT+0800 (China Standard Time)", "15 de julio de 2024 10:00", "2024. 1. 2. 오후 3:05",
            "20031213T183002Z", "June 10, 2003 4:00 p.m. EST", "1704189600123", "02.01.2024 10h30",
        ];
        const string alphabet = "0123456789 :-+./,()TZtzapmAPMGMTUTCJanFebSeptMärz年月日时分秒上午下午오후（）０９：\u2212\u00A0\t\n\0\uD800\uDC00";
        var random = new Random(20240102);
        var buffer = new StringBuilder();
        var accepted = 0;
        for (var round = 0; round < 5000; round++)
        {
            buffer.Clear();
            if (round % 2 == 0)
            {
                var length = random.Next(0, 48);
                for (var i = 0; i < length; i++)
                {
                    buffer.Append(random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : alphabet[random.Next(alphabet.Length)]);
                }
            }
            else
            {
                buffer.Append(seeds[random.Next(seeds.Length)]);
                for (var edits = random.Next(1, 4); edits > 0 && buffer.Length > 0; edits--)
                {
                    var at = random.Next(buffer.Length);
                    var c = alphabet[random.Next(alphabet.Length)];
                    switch (random.Next(3))
                    {
                        case 0:
                            buffer[at] = c;
                            break;
                        case 1:
                            buffer.Insert(at, c);
                            break;
                        default:
                            buffer.Remove(at, 1);
                            break;
                    }
                }
            }
            var text = buffer.ToString();
            if (FeedDates.TryParse(text, round % 3 == 0 ? "zh-cn" : null, out var utc))
            {
                accepted++;
                Assert.Equal(TimeSpan.Zero, utc.Offset);
                Assert.InRange(utc.Year, 1899, 2201);
            }
        }
        // Most mutations of a valid date still leave a date; the random strings almost never are one.
        Assert.InRange(accepted, 300, 2500);
    }

    [SharedDataFact]
    public void Every_date_in_the_real_world_corpus_is_read()
    {
        string[] elements = ["pubDate", "lastBuildDate", "published", "updated", "dc:date", "issued", "modified", "created"];
        var failures = new List<string>();
        var read = 0;
        foreach (var file in Directory.EnumerateFiles(SharedData.CorpusFolder))
        {
            var content = File.ReadAllText(file);
            foreach (var element in elements)
            {
                foreach (var value in ElementValues(content, element))
                {
                    if (FeedDates.TryParse(value, null, out _))
                    {
                        read++;
                    }
                    else
                    {
                        failures.Add($"{Path.GetFileName(file)}: {value}");
                    }
                }
            }
        }
        Assert.True(read > 10_000, $"only {read} dates found");
        Assert.Empty(failures);
    }

    // The non-blank text of every <name>…</name> that holds no markup.
    private static IEnumerable<string> ElementValues(string content, string name)
    {
        var open = "<" + name + ">";
        for (var at = content.IndexOf(open, StringComparison.Ordinal); at >= 0; at = content.IndexOf(open, at, StringComparison.Ordinal))
        {
            at += open.Length;
            var end = content.IndexOf('<', at);
            if (end < 0)
            {
                yield break;
            }
            var value = content[at..end];
            if (!string.IsNullOrWhiteSpace(value) && content.AsSpan(end).StartsWith("</" + name + ">", StringComparison.Ordinal))
            {
                yield return value;
            }
        }
    }
}
