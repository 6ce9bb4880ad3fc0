using System.Globalization;
using System.Text;
using Inertia.Feeds.Text;

namespace Inertia.Feeds.Tests.Text;

public sealed class FeedEncodingDetectorTests
{
    static FeedEncodingDetectorTests()
    {
        // The fixtures are built with legacy encoders before the detector has registered them itself.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private const string Chinese = "中文博客：我们今天讨论编码检测的问题，顺便测试一下标点符号。";
    private const string TraditionalChinese = "中文部落格：我們今天討論編碼偵測的問題，順便測試一下標點符號。";
    private const string Japanese = "日本語のブログ記事です。文字コードの判定について書きました。";
    private const string Korean = "한국어 블로그 글입니다. 문자 인코딩 감지에 대해 썼습니다.";
    private const string Russian = "Съешь же ещё этих мягких французских булок, да выпей же чаю. Новости дня.";
    private const string Czech = "Příliš žluťoučký kůň úpěl ďábelské ódy.";
    private const string Polish = "Zażółć gęślą jaźń, pchnąć w tę łódź jeża.";
    private const string German = "Über die Straße gehen, schön für das Café – „Grüße“ für 5 €.";
    private const string Latin1 = "Über die Straße, Café für 5 ½ Jahre, «très» naïve.";
    private const string Greek = "Η γρήγορη καφέ αλεπού πηδάει πάνω από τον τεμπέλη σκύλο.";
    private const string Latin9 = "Prix: 5 € pour l'œuvre de Šárka Žižková.";

    /// <summary>Label written in the document, code page that makes its bytes, code page the detector must choose, text.</summary>
    public static TheoryData<string, int, int, string> LegacyDocuments => new()
    {
        { "gb2312", 936, 54936, Chinese },
        // 镕 and 堃 are GBK-only (not in GB2312): a "gb2312" feed written by a GBK encoder still decodes.
        { "gb2312", 936, 54936, "朱镕基与王堃在" + Chinese },
        { "GBK", 936, 54936, "朱镕基：" + Chinese },
        // 𠀀 (U+20000) is a GB18030 four-byte sequence, under a label that only promises GB2312.
        { "GB2312", 54936, 54936, "𠀀字与" + Chinese },
        { "gb18030", 54936, 54936, "𠀀字与" + Chinese },
        { "big5", 950, 950, TraditionalChinese },
        { "Shift_JIS", 932, 932, Japanese },
        { "EUC-JP", 51932, 51932, Japanese },
        { "EUC-KR", 949, 949, Korean },
        { "windows-1250", 1250, 1250, Czech },
        { "windows-1251", 1251, 1251, Russian },
        { "windows-1252", 1252, 1252, German },
        { "ISO-8859-1", 28591, 1252, Latin1 },
        { "ISO-8859-2", 28592, 28592, Polish },
        { "ISO-8859-5", 28595, 28595, Russian },
        { "ISO-8859-7", 28597, 28597, Greek },
        { "ISO-8859-15", 28605, 28605, Latin9 },
        { "KOI8-R", 20866, 20866, Russian },
    };

    [Theory]
    [MemberData(nameof(LegacyDocuments))]
    public void Declared_legacy_encoding_decodes_the_text(string label, int writtenAs, int expected, string text)
    {
        var bytes = Rss(label, text, writtenAs);

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(expected, detection.Encoding.CodePage);
        Assert.Equal(text, Title(bytes, detection));
        Assert.Empty(detection.Warnings);
    }

    [Theory]
    [MemberData(nameof(LegacyDocuments))]
    public void Http_charset_that_agrees_with_the_declaration_adds_no_warning(string label, int writtenAs, int expected, string text)
    {
        var bytes = Rss(label, text, writtenAs);

        var detection = FeedEncodingDetector.Detect(bytes, $"application/rss+xml; charset=\"{label.ToLowerInvariant()}\"");

        Assert.Equal(expected, detection.Encoding.CodePage);
        Assert.Equal(text, Title(bytes, detection));
        Assert.Empty(detection.Warnings);
    }

    [Theory]
    [MemberData(nameof(LegacyDocuments))]
    public void Http_charset_utf8_on_legacy_bytes_is_a_lie_and_the_declaration_wins(string label, int writtenAs, int expected, string text)
    {
        var bytes = Rss(label, text, writtenAs);

        var detection = FeedEncodingDetector.Detect(bytes, "text/xml; charset=utf-8");

        Assert.Equal(expected, detection.Encoding.CodePage);
        Assert.Equal(text, Title(bytes, detection));
        Assert.Equal(
            [$"The HTTP header says utf-8 but the document is not valid UTF-8; the XML declaration's {label} was used."],
            detection.Warnings);
    }

    [Theory]
    [MemberData(nameof(LegacyDocuments))]
    public void Http_charset_decodes_an_undeclared_legacy_document(string label, int writtenAs, int expected, string text)
    {
        var bytes = Rss(null, text, writtenAs);

        var detection = FeedEncodingDetector.Detect(bytes, $"text/xml;charset={label}");

        Assert.Equal(expected, detection.Encoding.CodePage);
        Assert.Equal(text, Title(bytes, detection));
        Assert.Empty(detection.Warnings);
    }

    [Theory]
    [MemberData(nameof(LegacyDocuments))]
    public void Declaration_wins_over_a_different_legacy_http_charset(string label, int writtenAs, int expected, string text)
    {
        var bytes = Rss(label, text, writtenAs);
        var serverDefault = expected == 20866 ? "windows-1252" : "koi8-r";

        var detection = FeedEncodingDetector.Detect(bytes, $"text/xml; charset={serverDefault}");

        Assert.Equal(expected, detection.Encoding.CodePage);
        Assert.Equal(text, Title(bytes, detection));
        Assert.Equal(
            [$"The HTTP header says {serverDefault} but the XML declaration says {label}; the XML declaration's {label} was used."],
            detection.Warnings);
    }

    /// <summary>Text long and distinctive enough for the statistical detector; the name it reports; the code page.</summary>
    public static TheoryData<int, string, string> SniffableDocuments => new()
    {
        { 54936, "GB18030", Chinese + Chinese },
        { 950, "Big5", TraditionalChinese + TraditionalChinese },
        { 932, "Shift_JIS", Japanese + Japanese },
        { 51932, "EUC-JP", Japanese + Japanese },
        { 949, "EUC-KR", Korean + Korean },
        { 1251, "windows-1251", Russian + Russian + Russian },
        { 20866, "KOI8-R", Russian + Russian + Russian },
        { 28597, "ISO-8859-7", Greek + Greek + Greek },
        { 1252, "windows-1252", German + Latin1 + German },
    };

    [Theory]
    [MemberData(nameof(SniffableDocuments))]
    public void Undeclared_legacy_document_is_detected_from_its_bytes(int codePage, string name, string text)
    {
        var bytes = Rss(null, text, codePage);

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(codePage, detection.Encoding.CodePage);
        Assert.Equal(text, Title(bytes, detection));
        Assert.Equal(
            [$"The document declares no encoding and is not valid UTF-8; read as {name}, as detected from the bytes."],
            detection.Warnings);
    }

    [Fact]
    public void Declared_utf8_on_legacy_bytes_without_a_header_is_detected_from_the_bytes()
    {
        var text = Russian + Russian + Russian;
        var bytes = Rss("UTF-8", text, 1251);

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(1251, detection.Encoding.CodePage);
        Assert.Equal(text, Title(bytes, detection));
        Assert.Equal(
            ["The XML declaration says UTF-8 but the document is not valid UTF-8; read as windows-1251, as detected from the bytes."],
            detection.Warnings);
    }

    [Fact]
    public void Declared_utf8_on_legacy_bytes_uses_the_http_charset()
    {
        var bytes = Rss("utf-8", Russian, 1251);

        var detection = FeedEncodingDetector.Detect(bytes, "text/xml; charset=windows-1251");

        Assert.Equal(1251, detection.Encoding.CodePage);
        Assert.Equal(Russian, Title(bytes, detection));
        Assert.Equal(
            ["The XML declaration says utf-8 but the document is not valid UTF-8; the HTTP header's windows-1251 was used."],
            detection.Warnings);
    }

    [Fact]
    public void Undetectable_legacy_bytes_fall_back_to_windows_1252()
    {
        // Two stray high bytes in ASCII text: too little for any statistical verdict.
        byte[] bytes = [.. "<rss><title>A"u8, 0x9F, 0xFE, .. "</title></rss>"u8];

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(1252, detection.Encoding.CodePage);
        Assert.Equal("AŸþ", Title(bytes, detection));
        Assert.Equal(
            ["The document declares no encoding and is not valid UTF-8; read as windows-1252, as no encoding could be detected from the bytes."],
            detection.Warnings);
    }

    [Theory]
    [InlineData("ISO-8859-1")]
    [InlineData("windows-1251")]
    [InlineData("gb2312")]
    [InlineData("Shift_JIS")]
    public void Valid_utf8_bytes_declared_as_legacy_are_read_as_utf8(string label)
    {
        var bytes = Rss(label, German + Chinese, 65001);

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(65001, detection.Encoding.CodePage);
        Assert.Equal(German + Chinese, Title(bytes, detection));
        Assert.Equal([$"The XML declaration says {label} but the bytes are UTF-8; read as UTF-8."], detection.Warnings);
    }

    [Fact]
    public void Valid_utf8_bytes_under_a_latin1_http_charset_are_read_as_utf8()
    {
        var bytes = Rss("UTF-8", German, 65001);

        var detection = FeedEncodingDetector.Detect(bytes, "text/xml; charset=ISO-8859-1");

        Assert.Equal(65001, detection.Encoding.CodePage);
        Assert.Equal(German, Title(bytes, detection));
        Assert.Equal(["The HTTP header says ISO-8859-1 but the bytes are UTF-8; read as UTF-8."], detection.Warnings);
    }

    [Theory]
    [InlineData("UTF-8", null, new string[0])]
    [InlineData(null, null, new string[0])]
    [InlineData(null, "text/xml; charset=windows-1251", new[] { "The HTTP header says windows-1251 but the bytes are mostly UTF-8; read as UTF-8." })]
    [InlineData("ISO-8859-1", null, new[] { "The XML declaration says ISO-8859-1 but the bytes are mostly UTF-8; read as UTF-8." })]
    public void Utf8_document_with_pasted_latin1_bytes_reads_both_parts(string? label, string? contentType, string[] claimWarnings)
    {
        var utf8 = string.Concat(Enumerable.Repeat(Chinese + Russian, 3));
        var document = Encoding.UTF8.GetBytes(RssText(label, utf8 + "|"));
        var bar = Array.IndexOf(document, (byte)'|');
        byte[] mixed = [.. document[..bar], .. Encoding.Latin1.GetBytes("Café «crème»"), .. document[(bar + 1)..]];

        var detection = FeedEncodingDetector.Detect(mixed, contentType);

        Assert.Equal(65001, detection.Encoding.CodePage);
        Assert.Equal(utf8 + "Café «crème»", Title(mixed, detection));
        Assert.Equal([.. claimWarnings, "The document is UTF-8 but for 4 invalid byte sequences, read as windows-1252."], detection.Warnings);
    }

    [Fact]
    public void Undeclared_valid_utf8_is_utf8_without_warnings()
    {
        var bytes = Rss(null, German + Japanese, 65001);

        var detection = FeedEncodingDetector.Detect(bytes, "application/rss+xml");

        Assert.Equal(65001, detection.Encoding.CodePage);
        Assert.Equal(0, detection.PreambleLength);
        Assert.Equal(German + Japanese, Title(bytes, detection));
        Assert.Empty(detection.Warnings);
    }

    [Fact]
    public void Undeclared_ascii_is_utf8_and_shares_one_empty_warning_list()
    {
        var first = FeedEncodingDetector.Detect("<rss><channel><title>News</title></channel></rss>"u8, null);
        var second = FeedEncodingDetector.Detect("{\"version\":\"https://jsonfeed.org/version/1.1\"}"u8, "application/feed+json");

        Assert.Equal(65001, first.Encoding.CodePage);
        Assert.Equal(65001, second.Encoding.CodePage);
        Assert.Empty(first.Warnings);
        Assert.Same(first.Warnings, second.Warnings);
    }

    [Theory]
    [InlineData("ISO-8859-1", null)]
    [InlineData("windows-1251", "text/xml; charset=koi8-r")]
    [InlineData(null, "text/xml; charset=gb2312")]
    public void Ascii_bytes_under_an_ascii_compatible_label_are_read_as_utf8_without_warnings(string? label, string? contentType)
    {
        var bytes = Rss(label, "Plain news", 65001);

        var detection = FeedEncodingDetector.Detect(bytes, contentType);

        Assert.Equal(65001, detection.Encoding.CodePage);
        Assert.Empty(detection.Warnings);
    }

    [Fact]
    public void Ascii_bytes_declared_iso_2022_jp_keep_that_seven_bit_encoding()
    {
        var bytes = Rss("ISO-2022-JP", Japanese, 50220);
        Assert.DoesNotContain(bytes, b => b >= 0x80);

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(50220, detection.Encoding.CodePage);
        Assert.Equal(Japanese, Title(bytes, detection));
        Assert.Empty(detection.Warnings);
    }

    [Fact]
    public void Common_case_allocates_nothing_but_the_result()
    {
        var bytes = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel>" + string.Concat(Enumerable.Repeat($"<item><title>{German}{Chinese}</title></item>", 500)) + "</channel></rss>");
        FeedEncodingDetector.Detect(bytes, "application/rss+xml; charset=utf-8");

        const int Calls = 100;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            FeedEncodingDetector.Detect(bytes, "application/rss+xml; charset=utf-8");
        }
        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;

        // The record is 40 bytes on 64-bit; a label string or a warnings list would push this past 64.
        Assert.InRange(perCall, 1, 64);
    }

    public static TheoryData<byte[], int, int> ByteOrderMarks => new()
    {
        { [0xEF, 0xBB, 0xBF], 65001, 3 },
        { [0xFF, 0xFE], 1200, 2 },
        { [0xFE, 0xFF], 1201, 2 },
        { [0xFF, 0xFE, 0x00, 0x00], 12000, 4 },
        { [0x00, 0x00, 0xFE, 0xFF], 12001, 4 },
    };

    [Theory]
    [MemberData(nameof(ByteOrderMarks))]
    public void Byte_order_mark_decides_and_is_skipped(byte[] bom, int codePage, int preambleLength)
    {
        var encoding = Encoding.GetEncoding(codePage);
        var label = codePage is 1200 or 1201 ? "UTF-16" : encoding.WebName;
        byte[] bytes = [.. bom, .. encoding.GetBytes(RssText(label, German + Chinese))];

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(codePage, detection.Encoding.CodePage);
        Assert.Equal(preambleLength, detection.PreambleLength);
        Assert.Equal(German + Chinese, Title(bytes, detection));
        Assert.Empty(detection.Warnings);
    }

    [Fact]
    public void Byte_order_mark_beats_a_contradicting_declaration_with_a_warning()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(RssText("ISO-8859-1", German))];

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(65001, detection.Encoding.CodePage);
        Assert.Equal(3, detection.PreambleLength);
        Assert.Equal(German, Title(bytes, detection));
        Assert.Equal(
            ["The XML declaration says ISO-8859-1 but the document starts with a UTF-8 byte order mark; read as UTF-8."],
            detection.Warnings);
    }

    [Fact]
    public void Utf16_byte_order_mark_beats_a_contradicting_http_charset_with_a_warning()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(RssText("UTF-16", Greek))];

        var detection = FeedEncodingDetector.Detect(bytes, "text/xml; charset=iso-8859-1");

        Assert.Equal(1200, detection.Encoding.CodePage);
        Assert.Equal(Greek, Title(bytes, detection));
        Assert.Equal(
            ["The HTTP header says iso-8859-1 but the document starts with a UTF-16LE byte order mark; read as UTF-16LE."],
            detection.Warnings);
    }

    [Theory]
    [InlineData(1200, "<?xml version=\"1.0\" encoding=\"UTF-16\"?>")]
    [InlineData(1201, "<?xml version=\"1.0\" encoding=\"utf-16\"?>")]
    [InlineData(1200, "")]
    [InlineData(1201, "")]
    [InlineData(12000, "")]
    [InlineData(12001, "")]
    public void Wide_encoding_without_a_byte_order_mark_is_recognised_by_its_nulls(int codePage, string declaration)
    {
        var encoding = Encoding.GetEncoding(codePage);
        var bytes = encoding.GetBytes(declaration + $"<rss><channel><title>{Korean}</title></channel></rss>");

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(codePage, detection.Encoding.CodePage);
        Assert.Equal(0, detection.PreambleLength);
        Assert.Equal(Korean, Title(bytes, detection));
        Assert.Empty(detection.Warnings);
    }

    [Theory]
    [InlineData(1200)]
    [InlineData(1201)]
    public void Json_feed_in_utf16_without_a_byte_order_mark_is_recognised(int codePage)
    {
        var bytes = Encoding.GetEncoding(codePage).GetBytes("{\"title\":\"" + Chinese + "\"}");

        var detection = FeedEncodingDetector.Detect(bytes, "application/feed+json; charset=utf-8");

        Assert.Equal(codePage, detection.Encoding.CodePage);
        Assert.Equal("{\"title\":\"" + Chinese + "\"}", detection.Encoding.GetString(bytes));
        var name = codePage == 1200 ? "UTF-16LE" : "UTF-16BE";
        Assert.Equal(
            [$"The HTTP header says utf-8 but the bytes are {name} without a byte order mark; read as {name}."],
            detection.Warnings);
    }

    [Fact]
    public void Utf16_document_declaring_latin1_is_read_as_utf16_with_a_warning()
    {
        var bytes = Encoding.Unicode.GetBytes(RssText("ISO-8859-1", Latin1));

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(1200, detection.Encoding.CodePage);
        Assert.Equal(Latin1, Title(bytes, detection));
        Assert.Equal(
            ["The XML declaration says ISO-8859-1 but the bytes are UTF-16LE without a byte order mark; read as UTF-16LE."],
            detection.Warnings);
    }

    [Fact]
    public void Utf8_bytes_declared_as_utf16_are_read_as_utf8_with_a_warning()
    {
        var bytes = Rss("UTF-16", German, 65001);

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(65001, detection.Encoding.CodePage);
        Assert.Equal(German, Title(bytes, detection));
        Assert.Equal(["The XML declaration says UTF-16 but the bytes are UTF-8; read as UTF-8."], detection.Warnings);
    }

    [Fact]
    public void Ascii_bytes_declared_as_utf16_are_read_as_utf8_with_a_warning()
    {
        var bytes = Rss("utf-16", "Plain news", 65001);

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(65001, detection.Encoding.CodePage);
        Assert.Equal("Plain news", Title(bytes, detection));
        Assert.Equal(["The XML declaration says utf-16 but the bytes are 8-bit, not UTF-16; read as UTF-8."], detection.Warnings);
    }

    [Fact]
    public void Legacy_bytes_declared_as_utf16_use_the_http_charset()
    {
        var bytes = Rss("UTF-16", Chinese, 936);

        var detection = FeedEncodingDetector.Detect(bytes, "text/xml; charset=GBK");

        Assert.Equal(54936, detection.Encoding.CodePage);
        Assert.Equal(Chinese, Title(bytes, detection));
        Assert.Equal(
            ["The XML declaration says UTF-16 but the bytes are 8-bit, not UTF-16; the HTTP header's GBK was used."],
            detection.Warnings);
    }

    [Theory]
    [InlineData("\n\n   <?xml version=\"1.0\" encoding=\"KOI8-R\"?>")]
    [InlineData("<br />\n<b>Warning</b>: Cannot modify header information in <b>/var/www/feed.php</b> on line <b>3</b><br />\n<?xml version=\"1.0\" encoding=\"KOI8-R\"?>")]
    [InlineData("<?xml version='1.0' encoding = 'koi8-r' ?>")]
    [InlineData("<?xml version=\"1.0\" encoding=koi8-r?>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"KOI8-R\" standalone=\"yes\"?>")]
    public void Declaration_is_found_after_junk_and_read_leniently(string declaration)
    {
        var bytes = Encoding.GetEncoding(20866).GetBytes(declaration + $"<rss><channel><title>{Russian}</title></channel></rss>");

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(20866, detection.Encoding.CodePage);
        Assert.Equal(Russian, Title(bytes, detection));
        Assert.Empty(detection.Warnings);
    }

    [Fact]
    public void Declaration_beyond_the_first_kibibyte_is_not_read()
    {
        var bytes = Encoding.ASCII.GetBytes(new string(' ', 1100) + "<?xml version=\"1.0\" encoding=\"x-absurd\"?><rss/>");

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(65001, detection.Encoding.CodePage);
        Assert.Empty(detection.Warnings);
    }

    [Fact]
    public void Stylesheet_processing_instruction_is_not_a_declaration()
    {
        var bytes = "<?xml-stylesheet href=\"a.xsl\" encoding=\"x-absurd\"?><rss><title>Plain</title></rss>"u8;

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(65001, detection.Encoding.CodePage);
        Assert.Empty(detection.Warnings);
    }

    [Fact]
    public void Unknown_declared_label_is_ignored_with_a_warning()
    {
        var bytes = Rss("x-absurd-encoding", German, 65001);

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(65001, detection.Encoding.CodePage);
        Assert.Equal(German, Title(bytes, detection));
        Assert.Equal(["The XML declaration names the unknown encoding \"x-absurd-encoding\"; it was ignored."], detection.Warnings);
    }

    [Fact]
    public void Unknown_labels_on_legacy_bytes_leave_the_choice_to_detection()
    {
        var text = Russian + Russian + Russian;
        var bytes = Rss("cyrillic-please", text, 1251);

        var detection = FeedEncodingDetector.Detect(bytes, "text/xml; charset=\"win\u00071251\"");

        Assert.Equal(1251, detection.Encoding.CodePage);
        Assert.Equal(text, Title(bytes, detection));
        Assert.Equal(
            [
                "The HTTP header names the unknown encoding \"win?1251\"; it was ignored.",
                "The XML declaration names the unknown encoding \"cyrillic-please\"; it was ignored.",
                "The document declares no known encoding and is not valid UTF-8; read as windows-1251, as detected from the bytes.",
            ],
            detection.Warnings);
    }

    [Fact]
    public void Absurdly_long_declared_label_is_cut_short_in_its_warning()
    {
        var bytes = Rss(new string('x', 10_000), "Plain", 65001);

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal(65001, detection.Encoding.CodePage);
        Assert.Equal([$"The XML declaration names the unknown encoding \"{new string('x', 40)}…\"; it was ignored."], detection.Warnings);
    }

    [Theory]
    [InlineData("utf-8", 65001)]
    [InlineData("UTF8", 65001)]
    [InlineData("utf_8", 65001)]
    [InlineData("\"UTF-8\"", 65001)]
    [InlineData(" utf-8 ", 65001)]
    [InlineData("'utf-8 '", 65001)]
    [InlineData("unicode-1-1-utf-8", 65001)]
    [InlineData("gb2312", 54936)]
    [InlineData("GB_2312-80", 54936)]
    [InlineData("gbk", 54936)]
    [InlineData("x-gbk", 54936)]
    [InlineData("cp936", 54936)]
    [InlineData("chinese", 54936)]
    [InlineData("csgb2312", 54936)]
    [InlineData("iso-ir-58", 54936)]
    [InlineData("gb18030", 54936)]
    [InlineData("big5", 950)]
    [InlineData("big5-hkscs", 950)]
    [InlineData("BIG5_HKSCS", 950)]
    [InlineData("cn-big5", 950)]
    [InlineData("x-x-big5", 950)]
    [InlineData("shift_jis", 932)]
    [InlineData("Shift-JIS", 932)]
    [InlineData("sjis", 932)]
    [InlineData("ms_kanji", 932)]
    [InlineData("x-sjis", 932)]
    [InlineData("windows-31j", 932)]
    [InlineData("euc-jp", 51932)]
    [InlineData("EUC_JP", 51932)]
    [InlineData("iso-2022-jp", 50220)]
    [InlineData("euc-kr", 949)]
    [InlineData("ks_c_5601-1987", 949)]
    [InlineData("windows-949", 949)]
    [InlineData("iso-8859-1", 1252)]
    [InlineData("ISO8859_1", 1252)]
    [InlineData("latin1", 1252)]
    [InlineData("Latin-1", 1252)]
    [InlineData("us-ascii", 1252)]
    [InlineData("ascii", 1252)]
    [InlineData("windows-1252", 1252)]
    [InlineData("iso-8859-2", 28592)]
    [InlineData("iso-8859-3", 28593)]
    [InlineData("iso-8859-4", 28594)]
    [InlineData("iso-8859-5", 28595)]
    [InlineData("iso-8859-6", 28596)]
    [InlineData("iso-8859-7", 28597)]
    [InlineData("iso-8859-8", 28598)]
    [InlineData("iso-8859-8-i", 38598)]
    [InlineData("iso-8859-9", 1254)]
    [InlineData("iso-8859-11", 874)]
    [InlineData("iso-8859-13", 28603)]
    [InlineData("iso-8859-15", 28605)]
    [InlineData("windows-1250", 1250)]
    [InlineData("windows-1251", 1251)]
    [InlineData("WINDOWS-1253", 1253)]
    [InlineData("windows-1254", 1254)]
    [InlineData("windows-1255", 1255)]
    [InlineData("windows-1256", 1256)]
    [InlineData("windows-1257", 1257)]
    [InlineData("windows-1258", 1258)]
    [InlineData("cp1251", 1251)]
    [InlineData("koi8-r", 20866)]
    [InlineData("KOI8_R", 20866)]
    [InlineData("koi8-u", 21866)]
    [InlineData("ibm866", 866)]
    [InlineData("x-mac-cyrillic", 10007)]
    [InlineData("macintosh", 10000)]
    [InlineData("utf-16", 1200)]
    [InlineData("utf-16le", 1200)]
    [InlineData("UTF-16BE", 1201)]
    [InlineData("utf-32", 12000)]
    [InlineData("utf-32be", 12001)]
    public void Label_maps_as_browsers_map_it(string label, int codePage)
    {
        Assert.Equal(codePage, FeedEncodingDetector.FromLabel(label)?.CodePage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("x-absurd")]
    [InlineData("utf-9")]
    [InlineData("utf-8; charset=utf-8")]
    [InlineData("iso-8859-10")]
    [InlineData("iso-8859-16")]
    [InlineData("replacement")]
    [InlineData("hz-gb-2312")]
    [InlineData("iso-2022-kr")]
    [InlineData("x-user-defined")]
    [InlineData("ebcdic-cp-us")]
    public void Unknown_or_refused_label_maps_to_null(string label)
    {
        Assert.Null(FeedEncodingDetector.FromLabel(label));
    }

    [Fact]
    public void Overlong_label_maps_to_null()
    {
        Assert.Null(FeedEncodingDetector.FromLabel("utf-8" + new string(' ', 100) + "x"));
    }

    [Theory]
    [InlineData("text/xml; charset=utf-8", "utf-8")]
    [InlineData("text/xml;charset=\"ISO-8859-1\"", "ISO-8859-1")]
    [InlineData("application/rss+xml; Charset = windows-1251 ; foo=bar", "windows-1251")]
    [InlineData("text/xml; format=flowed; CHARSET=koi8-r", "koi8-r")]
    [InlineData("text/xml; foo=\"a;charset=b\"; charset=gbk", "gbk")]
    [InlineData("text/xml;;charset=big5", "big5")]
    [InlineData("text/xml; charset=\"gb2312", "gb2312")]
    [InlineData("text/xml", null)]
    [InlineData("text/xml; charset=", null)]
    [InlineData("text/xml; charset=\"\"", null)]
    [InlineData("text/xml; charset", null)]
    [InlineData("text/xml; xcharset=utf-8", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Charset_parameter_is_read_from_the_content_type(string? contentType, string? charset)
    {
        Assert.Equal(charset, FeedEncodingDetector.CharsetOf(contentType));
    }

    [Fact]
    public void Never_throws_on_empty_tiny_or_random_input()
    {
        byte[][] prefixes =
        [
            [],
            [0xEF, 0xBB, 0xBF],
            [0xFF, 0xFE],
            [0xFE, 0xFF],
            [0xFF, 0xFE, 0x00, 0x00],
            [0x00, 0x00, 0xFE, 0xFF],
            [0x00, 0x3C, 0x00, 0x3F],
            [0x3C, 0x00, 0x3F, 0x00],
            [0x3C, 0x00, 0x00, 0x00],
            "<?xml version=\"1.0\" encoding=\""u8.ToArray(),
            "<?xml encoding='"u8.ToArray(),
            "<?xml encoding="u8.ToArray(),
            "<?xml"u8.ToArray(),
        ];
        string?[] contentTypes = [null, "", ";", "text/xml; charset=", "text/xml; charset=\"", "text/xml; charset=utf-8", "text/xml; charset=gbk", "x; charset=\u0000\uFFFF\uD800", ";;;=;=\"\"=;"];
        var random = new Random(20240611);
        for (var i = 0; i < 4000; i++)
        {
            var prefix = prefixes[random.Next(prefixes.Length)];
            var body = new byte[random.Next(0, 400)];
            random.NextBytes(body);
            if (random.Next(2) == 0)
            {
                // Mostly ASCII with a few high bytes resembles real legacy text more than uniform noise does.
                for (var j = 0; j < body.Length; j++)
                {
                    body[j] = (byte)(body[j] % 3 == 0 ? body[j] : 0x20 + (body[j] % 0x5F));
                }
            }
            byte[] document = [.. prefix, .. body];
            var contentType = contentTypes[random.Next(contentTypes.Length)];

            var detection = FeedEncodingDetector.Detect(document, contentType);

            Assert.InRange(detection.PreambleLength, 0, document.Length);
            Assert.All(detection.Warnings, w => Assert.False(string.IsNullOrWhiteSpace(w)));
            _ = detection.Encoding.GetString(document, detection.PreambleLength, document.Length - detection.PreambleLength);
        }
        Assert.Equal(65001, FeedEncodingDetector.Detect([], null).Encoding.CodePage);
        Assert.Equal(1252, FeedEncodingDetector.Detect([0xE9], null).Encoding.CodePage);
        Assert.Equal(1252, FeedEncodingDetector.Detect([0xEF, 0xBB], null).Encoding.CodePage);
    }

    /// <summary>The corpus's non-UTF-8 files: file, the code page they decode with, a phrase checked by hand.</summary>
    public static TheoryData<string, int, string> CorpusLegacyFiles => new()
    {
        { "nnw-kc0011.rss", 54936, "投资资讯网交易在线" },
        { "rssparser-js-encoding.rss", 1252, "Últimas Notícias" },
        { "rssparser-js-heraldsun.rss", 65001, "RSS0.92 Example" },
        { "miniflux-koi8r.xml", 20866, "Тестовая лента" },
        { "miniflux-encoding_iso-8859-1.xml", 1252, "Übertragungen" },
        { "miniflux-encoding_windows-1251.xml", 1251, "цитатник Рунета" },
        { "simplepie-feed-utf16be.xml", 1201, "<title>Test feed title 1</title>" },
        { "simplepie-feed-utf16le.xml", 1200, "<title>Test feed title 1</title>" },
        { "feedkit-ampersand.xml", 65001, "besøge" },
        { "feedrs-rss_1.0_iso8859.xml", 1252, "Glasfaserförderung" },
        { "node-feedparser-iconv.xml", 1251, "Новости Оренбурга" },
        { "node-feedparser-mediacontent-dupes.xml", 65001, "© Bettmann/CORBIS" },
        { "kmp-rssparser-feed-test-atom-category-attribute.xml", 65001, "Right-to-Repair Law" },
        { "kmp-rssparser-feed-test-greek.xml", 28597, "Ενημέρωση" },
        { "feedreader-rss091stadtfeuerwehr.xml", 1252, "Stadtfeuerwehr Weiz - Einsätze" },
        { "feedreader-rss20finanzennet.xml", 65001, "Kursziel für NVIDIA" },
        { "feedreader-rss20iso88591intranet30.xml", 1252, "DÖDSOLYCKA" },
        { "laminas-laut.de-rdf.xml", 65001, "zur Verfügung gestellt" },
        { "rssparser-js-uolnoticias.rss", 1252, "Últimas Notícias" },
        { "miniflux-no_encoding_iso-8859-1.xml", 1252, "développementaux" },
    };

    [SharedDataTheory]
    [MemberData(nameof(CorpusLegacyFiles))]
    public void Corpus_legacy_file_decodes_without_replacement_characters(string file, int codePage, string phrase)
    {
        var bytes = File.ReadAllBytes(SharedData.Corpus(file));

        var detection = FeedEncodingDetector.Detect(bytes, null);
        var text = Decode(bytes, detection);

        Assert.Equal(codePage, detection.Encoding.CodePage);
        Assert.DoesNotContain('\uFFFD', text);
        Assert.Contains(phrase, text, StringComparison.Ordinal);
    }

    [SharedDataTheory]
    [InlineData("feedreader-rss20finanzennet.xml", "iso-8859-1")]
    [InlineData("laminas-laut.de-rdf.xml", "ISO-8859-1")]
    [InlineData("node-feedparser-mediacontent-dupes.xml", "ISO-8859-1")]
    public void Corpus_file_that_declares_latin1_but_is_utf8_is_warned_about(string file, string label)
    {
        var detection = FeedEncodingDetector.Detect(File.ReadAllBytes(SharedData.Corpus(file)), null);

        Assert.Equal([$"The XML declaration says {label} but the bytes are UTF-8; read as UTF-8."], detection.Warnings);
    }

    [SharedDataFact]
    public void Corpus_utf8_file_with_one_latin1_byte_keeps_both_readings()
    {
        var bytes = File.ReadAllBytes(SharedData.Corpus("feedkit-ampersand.xml"));

        var detection = FeedEncodingDetector.Detect(bytes, null);
        var text = Decode(bytes, detection);

        Assert.Contains("besøge", text, StringComparison.Ordinal);
        Assert.Contains("København", text, StringComparison.Ordinal);
        Assert.Equal(
            [
                "The XML declaration says ISO-8859-1 but the bytes are mostly UTF-8; read as UTF-8.",
                "The document is UTF-8 but for 1 invalid byte sequence, read as windows-1252.",
            ],
            detection.Warnings);
    }

    [SharedDataTheory]
    [InlineData("rssparser-js-uolnoticias.rss")]
    [InlineData("miniflux-no_encoding_iso-8859-1.xml")]
    public void Corpus_file_with_undeclared_latin1_is_detected_with_a_warning(string file)
    {
        var detection = FeedEncodingDetector.Detect(File.ReadAllBytes(SharedData.Corpus(file)), null);

        Assert.Equal(
            ["The document declares no encoding and is not valid UTF-8; read as windows-1252, as detected from the bytes."],
            detection.Warnings);
    }

    [SharedDataFact]
    public void Every_corpus_file_gets_an_encoding_that_decodes_it_cleanly()
    {
        var failures = new List<string>();
        foreach (var path in Directory.GetFiles(SharedData.CorpusFolder))
        {
            if (Path.GetFileName(path) == "MANIFEST.tsv")
            {
                continue;
            }
            var bytes = File.ReadAllBytes(path);
            var detection = FeedEncodingDetector.Detect(bytes, null);
            // Some sources hold U+FFFD as text (valid UTF-8 EF BF BD): only replacement characters beyond those are damage.
            var written = detection.Encoding.CodePage == 65001 ? Occurrences(bytes, [0xEF, 0xBF, 0xBD]) : 0;
            var decoded = Decode(bytes, detection).Count(c => c == '\uFFFD');
            if (decoded != written)
            {
                failures.Add($"{Path.GetFileName(path)}: {detection.Encoding.WebName}, {decoded - written} U+FFFD");
            }
        }
        Assert.Empty(failures);
    }

    private static int Occurrences(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> sequence)
    {
        var count = 0;
        for (var at = bytes.IndexOf(sequence); at >= 0; at = bytes.IndexOf(sequence))
        {
            count++;
            bytes = bytes[(at + sequence.Length)..];
        }
        return count;
    }

    [Fact]
    public void Lone_0x80_in_gbk_text_is_the_euro_sign()
    {
        var bytes = Rss("gbk", "价格：€5，" + Chinese, 936);
        Assert.Contains((byte)0x80, bytes);

        var detection = FeedEncodingDetector.Detect(bytes, null);

        Assert.Equal("价格：€5，" + Chinese, Title(bytes, detection));
    }

    [Theory]
    [InlineData("gbk", new byte[] { 0x41, 0xD6, 0xD0, 0xFF, 0x41, 0xD6 }, "A中\uFFFDA\uFFFD")]
    [InlineData("big5", new byte[] { 0x41, 0xA4, 0xA4, 0xA4 }, "A中\uFFFD")]
    [InlineData("shift_jis", new byte[] { 0x41, 0x93, 0xFA, 0x93 }, "A日\uFFFD")]
    [InlineData("euc-kr", new byte[] { 0x41, 0xC7, 0xD1, 0xC7 }, "A한\uFFFD")]
    public void Invalid_legacy_bytes_decode_to_the_replacement_character(string label, byte[] bytes, string expected)
    {
        Assert.Equal(expected, FeedEncodingDetector.FromLabel(label)!.GetString(bytes));
    }

    /// <summary>The corpus's Chinese blog feeds (UTF-8 XML), for transcoding into legacy encodings.</summary>
    public static TheoryData<string> ChineseBlogFeeds => new()
    {
        "blog-yousanflics-atom.xml",
        "blog-yoxem-atom.xml",
        "blog-yu-tanglin-atom.xml",
        "blog-yu-tanglin-rss.xml",
        "blog-yukonger-atom.xml",
        "blog-yuyandev-atom.xml",
    };

    [SharedDataTheory]
    [MemberData(nameof(ChineseBlogFeeds))]
    public void Chinese_blog_transcoded_to_gbk_decodes_to_the_original_text(string file)
    {
        var (expected, bytes) = Transcode(file, 936, "GBK");

        var declared = FeedEncodingDetector.Detect(bytes, null);
        var lied = FeedEncodingDetector.Detect(bytes, "text/xml; charset=utf-8");

        Assert.Equal(54936, declared.Encoding.CodePage);
        Assert.Empty(declared.Warnings);
        Assert.Equal(expected, Decode(bytes, declared));
        Assert.Equal(54936, lied.Encoding.CodePage);
        Assert.Equal(["The HTTP header says utf-8 but the document is not valid UTF-8; the XML declaration's GBK was used."], lied.Warnings);
        Assert.Equal(expected, Decode(bytes, lied));
    }

    [SharedDataTheory]
    [InlineData("blog-yoxem-atom.xml", 950, "Big5", "Big5")]
    [InlineData("blog-yukonger-atom.xml", 936, "gb2312", "GB18030")]
    public void Chinese_blog_transcoded_without_declaration_is_detected(string file, int codePage, string label, string detectedName)
    {
        var (expected, bytes) = Transcode(file, codePage, label);
        var declaration = Encoding.ASCII.GetBytes($"<?xml version=\"1.0\" encoding=\"{label}\"?>");
        Assert.True(bytes.AsSpan().StartsWith(declaration));
        var undeclared = bytes[declaration.Length..];

        var detection = FeedEncodingDetector.Detect(undeclared, null);

        Assert.Equal(FeedEncodingDetector.FromLabel(label)!.CodePage, detection.Encoding.CodePage);
        Assert.Equal(expected[declaration.Length..], Decode(undeclared, detection));
        Assert.Equal(
            [$"The document declares no encoding and is not valid UTF-8; read as {detectedName}, as detected from the bytes."],
            detection.Warnings);
    }

    [SharedDataFact]
    public void Traditional_chinese_blog_transcoded_to_big5_decodes_to_the_original_text()
    {
        var (expected, bytes) = Transcode("blog-yoxem-atom.xml", 950, "Big5");

        var declared = FeedEncodingDetector.Detect(bytes, null);
        var lied = FeedEncodingDetector.Detect(bytes, "text/xml; charset=utf-8");

        Assert.Equal(950, declared.Encoding.CodePage);
        Assert.Empty(declared.Warnings);
        Assert.Equal(expected, Decode(bytes, declared));
        Assert.Equal(950, lied.Encoding.CodePage);
        Assert.Equal(["The HTTP header says utf-8 but the document is not valid UTF-8; the XML declaration's Big5 was used."], lied.Warnings);
        Assert.Equal(expected, Decode(bytes, lied));
    }

    /// <summary>
    /// A corpus feed rewritten in a legacy encoding with its declaration saying so. Characters the encoding cannot hold
    /// become numeric character references, as generators do, so the expected text is the original with those replaced.
    /// </summary>
    private static (string Expected, byte[] Bytes) Transcode(string file, int codePage, string label)
    {
        var original = File.ReadAllText(SharedData.Corpus(file), Encoding.UTF8);
        var declarationEnd = original.StartsWith("<?xml", StringComparison.Ordinal) ? original.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        var body = original[declarationEnd..];
        var strict = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var text = new StringBuilder($"<?xml version=\"1.0\" encoding=\"{label}\"?>", original.Length + 64);
        var cjk = 0;
        foreach (var rune in body.EnumerateRunes())
        {
            cjk += rune.Value is >= 0x4E00 and <= 0x9FFF ? 1 : 0;
            text.Append(Encodable(strict, rune) ? rune.ToString() : string.Create(CultureInfo.InvariantCulture, $"&#x{rune.Value:X};"));
        }
        Assert.True(cjk > 500, $"{file} should be a Chinese feed");
        var expected = text.ToString();
        return (expected, strict.GetBytes(expected));
    }

    private static bool Encodable(Encoding strict, Rune rune)
    {
        if (rune.IsAscii)
        {
            return true;
        }
        try
        {
            strict.GetByteCount(rune.ToString());
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static string RssText(string? label, string title)
    {
        var declaration = label is null ? "" : $"<?xml version=\"1.0\" encoding=\"{label}\"?>\n";
        return declaration + $"<rss version=\"2.0\"><channel><title>{title}</title><link>https://example.org/</link></channel></rss>\n";
    }

    private static byte[] Rss(string? label, string title, int codePage) =>
        Encoding.GetEncoding(codePage).GetBytes(RssText(label, title));

    private static string Decode(byte[] bytes, EncodingDetection detection) =>
        detection.Encoding.GetString(bytes, detection.PreambleLength, bytes.Length - detection.PreambleLength);

    private static string Title(byte[] bytes, EncodingDetection detection)
    {
        var text = Decode(bytes, detection);
        var start = text.IndexOf("<title>", StringComparison.Ordinal) + "<title>".Length;
        return text[start..text.IndexOf("</title>", start, StringComparison.Ordinal)];
    }
}
