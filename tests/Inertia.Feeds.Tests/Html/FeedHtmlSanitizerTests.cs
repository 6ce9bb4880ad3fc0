using Inertia.Feeds.Html;

namespace Inertia.Feeds.Tests.Html;

public sealed class FeedHtmlSanitizerTests
{
    private const string Img = " loading=\"lazy\" decoding=\"async\"";
    private const string Link = " rel=\"noopener noreferrer nofollow\" target=\"_blank\"";
    private const string Frame = " sandbox=\"allow-scripts allow-same-origin allow-popups allow-presentation\" loading=\"lazy\" referrerpolicy=\"strict-origin-when-cross-origin\"";

    private static readonly Uri Base = new("https://example.com/posts/1/");

    private static string Sanitize(string html) => FeedHtmlSanitizer.Sanitize(html, Base);

    [Fact]
    public void Empty_input_gives_empty_output() => Assert.Equal("", Sanitize(""));

    [Fact]
    public void Null_input_is_rejected() => Assert.Throws<ArgumentNullException>(() => FeedHtmlSanitizer.Sanitize(null!, Base));

    // Removed with their content.

    [Theory]
    [InlineData("script", "alert(1)")]
    [InlineData("style", "p { color: red }")]
    [InlineData("template", "<p>inert</p>")]
    [InlineData("noscript", "<p>enable JS</p>")]
    [InlineData("iframe", "fallback")]
    [InlineData("object", "<p>fallback</p>")]
    [InlineData("applet", "<p>fallback</p>")]
    [InlineData("frameset", "<p>x</p>")]
    [InlineData("svg", "<circle r=\"4\"/><text>label</text>")]
    [InlineData("math", "<mi>x</mi>")]
    [InlineData("select", "<option>one</option>")]
    [InlineData("textarea", "<p>typed</p>")]
    [InlineData("button", "<b>Go</b>")]
    [InlineData("title", "Page title")]
    [InlineData("head", "<title>t</title>")]
    [InlineData("xmp", "<b>x</b>")]
    [InlineData("noembed", "<b>x</b>")]
    [InlineData("noframes", "<b>x</b>")]
    [InlineData("canvas", "fallback")]
    [InlineData("datalist", "<option>x</option>")]
    public void Dangerous_container_is_removed_with_its_content(string element, string content)
    {
        Assert.Equal("<p>before after</p>", Sanitize($"<p>before <{element}>{content}</{element}>after</p>"));
    }

    [Theory]
    [InlineData("<embed src=\"https://example.org/movie.swf\">")]
    [InlineData("<frame src=\"https://example.org/\">")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://example.org/\">")]
    [InlineData("<base href=\"https://example.org/\">")]
    [InlineData("<link rel=\"stylesheet\" href=\"https://example.org/x.css\">")]
    [InlineData("<input type=\"text\" value=\"typed\">")]
    [InlineData("<keygen name=\"k\">")]
    [InlineData("<param name=\"movie\" value=\"x.swf\">")]
    [InlineData("<area href=\"https://example.org/\">")]
    public void Dangerous_void_element_is_removed(string tag)
    {
        Assert.Equal("<p>before after</p>", Sanitize($"<p>before {tag}after</p>"));
    }

    [Fact]
    public void Nested_dropped_elements_of_the_same_name_are_counted()
    {
        Assert.Equal("<p>ab</p>", Sanitize("<p>a<object><object></object>still inside</object>b</p>"));
    }

    [Fact]
    public void Self_closed_svg_has_no_content_to_drop()
    {
        Assert.Equal("<p>a b</p>", Sanitize("<p>a <svg/>b</p>"));
    }

    [Fact]
    public void Unclosed_dropped_element_drops_the_rest() => Assert.Equal("<p>a</p>", Sanitize("<p>a<script>alert(1)"));

    [Fact]
    public void Head_of_a_pasted_page_ends_where_its_body_starts()
    {
        Assert.Equal("<p>Body</p>", Sanitize("<html><head><title>Page</title><meta charset=\"utf-8\"><body><p>Body</p></body></html>"));
    }

    [Theory]
    [InlineData("a<!-- hidden <b>x</b> -->b", "ab")]
    [InlineData("a<!--[if IE]><p>old IE</p><![endif]-->b", "ab")]
    [InlineData("a<![CDATA[hidden]]>b", "ab")]
    [InlineData("a<?php echo 1; ?>b", "ab")]
    [InlineData("a<!DOCTYPE html>b", "ab")]
    [InlineData("a<!-->b", "ab")]
    [InlineData("a<!--->b", "ab")]
    [InlineData("a<!-- x --!>b", "ab")]
    [InlineData("a<!-- x --->b", "ab")]
    [InlineData("a<!-- never closed <p>b</p>", "a")]
    [InlineData("a</ >b</>c", "abc")]
    public void Comments_doctypes_cdata_and_processing_instructions_are_removed(string input, string expected)
    {
        Assert.Equal(expected, Sanitize(input));
    }

    [Fact]
    public void Form_is_unwrapped_and_its_controls_removed()
    {
        Assert.Equal(
            "<p>Search</p>",
            Sanitize("<form action=\"https://example.org/s\"><p>Search</p><input name=\"q\"><select><option>a</option></select><button>Go</button></form>"));
    }

    [Theory]
    [InlineData("<font color=\"red\" face=\"Arial\">red</font>", "red")]
    [InlineData("<center>centered</center>", "centered")]
    [InlineData("<p>Word<o:p></o:p></p>", "<p>Word</p>")]
    [InlineData("<my-widget data-x=\"1\">custom</my-widget>", "custom")]
    [InlineData("<html><body><p>x</p></body></html>", "<p>x</p>")]
    [InlineData("<marquee>moving</marquee>", "moving")]
    [InlineData("<label>name</label>", "name")]
    public void Unknown_and_presentational_elements_are_unwrapped(string input, string expected)
    {
        Assert.Equal(expected, Sanitize(input));
    }

    // The allow-list.

    [Theory]
    [InlineData("<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h5>e</h5><h6>f</h6>")]
    [InlineData("<p>a<br>b</p><hr><div><span>c</span></div>")]
    [InlineData("<blockquote cite=\"https://example.org/source\"><p>quote</p></blockquote>")]
    [InlineData("<pre><code>x</code></pre>")]
    [InlineData("<p><kbd>k</kbd><samp>s</samp><var>v</var><em>e</em><strong>s</strong><b>b</b><i>i</i><u>u</u><s>s</s><strike>s</strike></p>")]
    [InlineData("<p><del cite=\"https://example.org/why\" datetime=\"2024-01-02\">d</del><ins>i</ins><sub>2</sub><sup>3</sup><small>s</small><big>b</big><mark>m</mark></p>")]
    [InlineData("<p><abbr title=\"HyperText Markup Language\">HTML</abbr><cite>c</cite><q cite=\"https://example.org/q\">q</q><dfn>d</dfn><time datetime=\"2024-05-01T10:00Z\">May</time></p>")]
    [InlineData("<ul><li>a</li></ul><ol start=\"3\" reversed type=\"a\"><li value=\"7\">b</li></ol>")]
    [InlineData("<dl><dt>term</dt><dd>definition</dd></dl>")]
    [InlineData("<table><caption>c</caption><colgroup span=\"2\"><col span=\"1\"></colgroup><thead><tr><th scope=\"col\" align=\"left\">h</th></tr></thead><tbody><tr><td colspan=\"2\" rowspan=\"3\" headers=\"h\">d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>")]
    [InlineData("<figure><img src=\"https://example.org/a.png\" alt=\"A\"" + Img + "><figcaption>caption</figcaption></figure>")]
    [InlineData("<picture><source srcset=\"https://example.org/a.avif\" type=\"image/avif\" media=\"(min-width: 600px)\" sizes=\"100vw\"><img src=\"https://example.org/a.png\"" + Img + "></picture>")]
    [InlineData("<details open><summary>more</summary><p>hidden</p></details>")]
    [InlineData("<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby><bdi>x</bdi><bdo dir=\"rtl\">y</bdo>long<wbr>word</p>")]
    [InlineData("<address>a</address><article><header>h</header><section>s</section><aside>a</aside><nav>n</nav><footer>f</footer></article><main>m</main>")]
    [InlineData("<p title=\"t\" lang=\"zh-Hant\" dir=\"rtl\">x</p>")]
    public void Allowed_markup_passes_through_unchanged(string html)
    {
        Assert.Equal(html, Sanitize(html));
    }

    [Fact]
    public void Id_class_data_and_other_attributes_are_removed()
    {
        Assert.Equal("<p>a</p>", Sanitize("<p id=\"main\" class=\"lead\" name=\"n\" data-x=\"1\" hidden tabindex=\"1\" contenteditable>a</p>"));
    }

    [Fact]
    public void Event_handlers_are_removed_in_any_case()
    {
        Assert.Equal("<p>a</p>", Sanitize("<p onclick=\"x()\" ONMOUSEOVER=\"y()\" onFocus=z>a</p>"));
    }

    [Theory]
    [InlineData("<pre class=\"language-rust hljs other\"><code class=\"lang-go evil hljs-keyword\">x</code></pre>", "<pre class=\"language-rust hljs\"><code class=\"lang-go hljs-keyword\">x</code></pre>")]
    [InlineData("<code class=\"language-c++ language-c#\">x</code>", "<code class=\"language-c++ language-c#\">x</code>")]
    [InlineData("<code class=\"highlight\">x</code>", "<code>x</code>")]
    [InlineData("<span class=\"language-js\">x</span>", "<span>x</span>")]
    public void Only_syntax_highlighting_classes_on_code_and_pre_survive(string input, string expected)
    {
        Assert.Equal(expected, Sanitize(input));
    }

    [Theory]
    [InlineData("dir=\"RTL\"", " dir=\"rtl\"")]
    [InlineData("dir=\"sideways\"", "")]
    [InlineData("lang=\"en-GB\"", " lang=\"en-GB\"")]
    [InlineData("lang=\"en\\\" x\"", "")]
    public void Global_attributes_are_checked(string attribute, string expected)
    {
        Assert.Equal($"<p{expected}>x</p>", Sanitize($"<p {attribute}>x</p>"));
    }

    [Theory]
    [InlineData("<ol type=\"A\" start=\"-2\"><li value=\"x\">a</li></ol>", "<ol type=\"A\" start=\"-2\"><li>a</li></ol>")]
    [InlineData("<ol type=\"disc\"><li>a</li></ol>", "<ol><li>a</li></ol>")]
    [InlineData("<img src=\"https://example.org/a.png\" width=\"100%\" height=\"50px\">", "<img src=\"https://example.org/a.png\" width=\"100%\"" + Img + ">")]
    [InlineData("<table><tr><td colspan=\"two\" scope=\"everything\" align=\"CENTER\">a</td></tr></table>", "<table><tr><td align=\"center\">a</td></tr></table>")]
    public void Attribute_values_must_fit_their_attribute(string input, string expected)
    {
        Assert.Equal(expected, Sanitize(input));
    }

    // Style: a strict allow-list of properties with keyword values.

    [Theory]
    [InlineData("text-align: Center; font-weight:700; color: red", " style=\"text-align: center; font-weight: 700\"")]
    [InlineData("font-style: italic; text-decoration: underline dotted; vertical-align: -2px", " style=\"font-style: italic; text-decoration: underline dotted; vertical-align: -2px\"")]
    [InlineData("white-space: pre-wrap; list-style-type: lower-roman", " style=\"white-space: pre-wrap; list-style-type: lower-roman\"")]
    [InlineData("TEXT-ALIGN : right ;", " style=\"text-align: right\"")]
    [InlineData("background: url(javascript:alert(1))", "")]
    [InlineData("text-align: expression(alert(1))", "")]
    [InlineData("text-align: cent\\65r", "")]
    [InlineData("text-align: center/**/", "")]
    [InlineData("font-weight: bold !important", "")]
    [InlineData("text-align: &lt;", "")]
    [InlineData("@import 'x'; text-align: left", " style=\"text-align: left\"")]
    [InlineData("position: fixed; top: 0; width: 100%", "")]
    public void Style_keeps_only_safe_typographic_declarations(string style, string expected)
    {
        Assert.Equal($"<p{expected}>x</p>", Sanitize($"<p style=\"{style}\">x</p>"));
    }

    // URLs.

    [Theory]
    [InlineData("https://example.org/a?b=1&amp;c=2", "https://example.org/a?b=1&amp;c=2")]
    [InlineData("HTTP://Example.org/", "HTTP://Example.org/")]
    [InlineData("mailto:someone@example.org", "mailto:someone@example.org")]
    [InlineData("other.html", "https://example.com/posts/1/other.html")]
    [InlineData("/about", "https://example.com/about")]
    [InlineData("#section-2", "https://example.com/posts/1/#section-2")]
    [InlineData("//cdn.example.org/x", "https://cdn.example.org/x")]
    [InlineData("  https://example.org/padded  ", "https://example.org/padded")]
    [InlineData("https://exa\nmple.org/bro\tken", "https://example.org/broken")]
    [InlineData("&#104;ttps://example.org/encoded", "https://example.org/encoded")]
    public void Link_urls_are_decoded_cleaned_and_resolved(string href, string expected)
    {
        Assert.Equal($"<a href=\"{expected}\"{Link}>x</a>", Sanitize($"<a href=\"{href}\">x</a>"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("jav&#x09;ascript:alert(1)")]
    [InlineData("jav&#x0A;ascript:alert(1)")]
    [InlineData("java\0script:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("javascript&colon;alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/")]
    [InlineData("unknown-scheme:x")]
    public void Link_with_a_dangerous_or_unknown_scheme_loses_its_href(string href)
    {
        Assert.Equal("<a title=\"t\">x</a>", Sanitize($"<a href=\"{href}\" title=\"t\">x</a>"));
    }

    [Fact]
    public void Relative_urls_without_a_base_are_dropped_but_protocol_relative_ones_become_https()
    {
        Assert.Equal(
            "<a>a</a><a href=\"https://example.org/b\"" + Link + ">b</a>",
            FeedHtmlSanitizer.Sanitize("<a href=\"/a\">a</a><a href=\"//example.org/b\">b</a>", null));
    }

    [Theory]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("data:image/gif;base64,R0lGODlhAQABAAAAACw=")]
    [InlineData("DATA:IMAGE/JPEG;BASE64,/9j/4AAQ")]
    [InlineData("data:image/webp;base64,UklGRg==")]
    [InlineData("data:image/avif;base64,AAAAHGZ0eXA=")]
    public void Image_may_be_a_raster_data_url(string src)
    {
        Assert.Equal($"<img src=\"{src}\"{Img}>", Sanitize($"<img src=\"{src}\">"));
    }

    [Theory]
    [InlineData("data:image/svg+xml;base64,PHN2Zz4=")]
    [InlineData("data:image/png,rawbytes")]
    [InlineData("data:image/png;base64,iVBOR%3Cscript")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("")]
    public void Image_without_a_safe_src_is_removed(string src)
    {
        Assert.Equal("<p>ab</p>", Sanitize($"<p>a<img src=\"{src}\" alt=\"x\">b</p>"));
    }

    [Fact]
    public void Image_without_src_is_removed() => Assert.Equal("<p>ab</p>", Sanitize("<p>a<img alt=\"x\">b</p>"));

    [Fact]
    public void Data_urls_are_refused_outside_img_src()
    {
        Assert.Equal(
            "<video controls preload=\"none\"></video>",
            Sanitize("<video src=\"data:video/mp4;base64,AAAA\" poster=\"data:image/png;base64,AAAA\"></video>"));
    }

    [Fact]
    public void Srcset_keeps_only_safe_candidates_with_resolved_urls()
    {
        Assert.Equal(
            "<img src=\"https://example.com/a.png\" srcset=\"https://example.com/posts/1/a-2x.png 2x, https://example.org/a,w_640.png 640w\"" + Img + ">",
            Sanitize("<img src=\"/a.png\" srcset=\"javascript:alert(1) 1x, a-2x.png 2x,https://example.org/a,w_640.png 640w, https://example.org/b.png bogus, data:image/png;base64,AAAA 3x\">"));
    }

    [Fact]
    public void Cite_and_poster_urls_are_resolved()
    {
        Assert.Equal(
            "<blockquote cite=\"https://example.com/source\">q</blockquote><video poster=\"https://example.com/posts/1/p.jpg\" controls preload=\"none\"></video>",
            Sanitize("<blockquote cite=\"/source\">q</blockquote><video poster=\"p.jpg\"></video>"));
    }

    // Imposed attributes.

    [Fact]
    public void Links_open_in_a_new_tab_without_opener_or_referrer_whatever_the_feed_said()
    {
        Assert.Equal(
            $"<a href=\"https://example.org/\"{Link}>x</a>",
            Sanitize("<a href=\"https://example.org/\" target=\"_self\" rel=\"opener\">x</a>"));
    }

    [Fact]
    public void Images_load_lazily() =>
        Assert.Equal($"<img src=\"https://example.org/a.png\" alt=\"A\"{Img}>", Sanitize("<img loading=\"eager\" src=\"https://example.org/a.png\" alt=\"A\" decoding=\"sync\">"));

    [Fact]
    public void Media_always_has_controls_and_never_preloads()
    {
        Assert.Equal(
            "<video src=\"https://example.com/posts/1/v.mp4\" muted playsinline controls preload=\"none\"><source src=\"https://example.com/posts/1/v.webm\" type=\"video/webm\"><track src=\"https://example.com/posts/1/en.vtt\" kind=\"subtitles\" srclang=\"en\" label=\"English\" default>fallback</video>"
            + "<audio src=\"https://example.org/a.mp3\" loop controls preload=\"none\"></audio>",
            Sanitize(
                "<video src=\"v.mp4\" autoplay muted playsinline preload=\"auto\" onplay=\"x()\"><source src=\"v.webm\" type=\"video/webm\"><track src=\"en.vtt\" kind=\"subtitles\" srclang=\"en\" label=\"English\" default>fallback</video>"
                + "<audio src=\"https://example.org/a.mp3\" autoplay loop></audio>"));
    }

    [Theory]
    [InlineData("<source src=\"https://example.org/v.mp4\">")]
    [InlineData("<track src=\"https://example.org/en.vtt\">")]
    public void Source_and_track_outside_media_are_removed(string tag) => Assert.Equal("<p>ab</p>", Sanitize($"<p>a{tag}b</p>"));

    [Fact]
    public void Source_without_a_url_is_removed()
    {
        Assert.Equal("<picture><img src=\"https://example.org/a.png\"" + Img + "></picture>", Sanitize("<picture><source type=\"image/webp\"><img src=\"https://example.org/a.png\"></picture>"));
    }

    // Iframes.

    [Theory]
    [InlineData("https://www.youtube.com/embed/abc?start=10")]
    [InlineData("https://youtube.com/embed/abc")]
    [InlineData("https://www.youtube-nocookie.com/embed/abc")]
    [InlineData("https://player.vimeo.com/video/123")]
    [InlineData("https://player.bilibili.com/player.html?bvid=BV1")]
    [InlineData("https://www.bilibili.com/blackboard/html5player.html?aid=1")]
    [InlineData("https://open.spotify.com/embed/track/1")]
    [InlineData("https://w.soundcloud.com/player/?url=x")]
    [InlineData("https://www.dailymotion.com/embed/video/x")]
    [InlineData("https://player.youku.com/embed/X")]
    [InlineData("https://v.qq.com/txp/iframe/player.html?vid=x")]
    [InlineData("https://embed.ted.com/talks/x")]
    [InlineData("https://www.tiktok.com/embed/v2/1")]
    public void Iframe_from_an_allowed_player_is_kept_sandboxed(string src)
    {
        Assert.Equal(
            $"<iframe src=\"{src}\" width=\"560\" height=\"315\" allowfullscreen{Frame}></iframe>",
            Sanitize($"<iframe src=\"{src}\" width=\"560\" height=\"315\" frameborder=\"0\" allow=\"autoplay\" allowfullscreen onload=\"x()\">fallback <b>text</b></iframe>"));
    }

    [Theory]
    [InlineData("http://www.youtube.com/embed/abc", "https://www.youtube.com/embed/abc")]
    [InlineData("//player.vimeo.com/video/1", "https://player.vimeo.com/video/1")]
    [InlineData("HTTPS://WWW.YOUTUBE.COM/embed/abc", "https://www.youtube.com/embed/abc")]
    [InlineData("https://ww\uFEFFw.youtube.com/embed/abc", "https://www.youtube.com/embed/abc")]
    public void Iframe_is_always_loaded_over_https(string src, string expected)
    {
        Assert.Equal($"<iframe src=\"{expected}\"{Frame}></iframe>", Sanitize($"<iframe src=\"{src}\"></iframe>"));
    }

    [Theory]
    [InlineData("https://evil.example/embed/abc")]
    [InlineData("https://www.youtube.com.evil.example/embed/abc")]
    [InlineData("https://www.youtube.com@evil.example/embed/abc")]
    [InlineData("https://www.youtube.com:8443/embed/abc")]
    [InlineData("https://www.youtube.com/redirect?q=https://evil.example/")]
    [InlineData("https://www.bilibili.com/video/BV1")]
    [InlineData("https://www.tiktok.com/@user")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public void Other_iframes_are_removed_with_their_content(string src)
    {
        Assert.Equal("<p>ab</p>", Sanitize($"<p>a<iframe src=\"{src}\"><b>fallback</b></iframe>b</p>"));
    }

    [Fact]
    public void Iframe_srcdoc_is_never_kept()
    {
        Assert.Equal(
            $"<iframe src=\"https://www.youtube.com/embed/x\"{Frame}></iframe>",
            Sanitize("<iframe srcdoc=\"<script>alert(1)</script>\" src=\"https://www.youtube.com/embed/x\"></iframe>"));
    }

    // Well-formed output.

    [Fact]
    public void Text_is_escaped_and_nul_removed()
    {
        Assert.Equal("<p>a &amp; b &lt; c &gt; d \"e\" 'f'g</p>", Sanitize("<p>a &amp; b < c > d \"e\" 'f'\0g</p>"));
    }

    [Theory]
    [InlineData("x<3", "x&lt;3")]
    [InlineData("a <= b", "a &lt;= b")]
    [InlineData("<>", "&lt;&gt;")]
    [InlineData("< p>", "&lt; p&gt;")]
    [InlineData("1 <", "1 &lt;")]
    [InlineData("a </", "a &lt;/")]
    public void Less_than_that_starts_no_tag_is_kept_as_text(string input, string expected) => Assert.Equal(expected, Sanitize(input));

    [Fact]
    public void Forbidden_control_characters_are_removed_from_text_and_attributes()
    {
        Assert.Equal("<p title=\"ab\">c d</p>", Sanitize("<p title=\"a\u0001b\">c\u000Cd\u0007</p>"));
    }

    [Fact]
    public void Attribute_values_are_double_quoted_and_escaped()
    {
        Assert.Equal("<p title=\"a &quot;b&quot; &lt;c&gt; &amp; 'd'\">x</p>", Sanitize("<p title='a \"b\" <c> & &apos;d&apos;'>x</p>"));
    }

    [Theory]
    [InlineData("<div><p>a</div>b</p>", "<div><p>a</p></div>b")]
    [InlineData("</span>a</div>", "a")]
    [InlineData("<div><b>unclosed", "<div><b>unclosed</b></div>")]
    [InlineData("<b><i>x</b>y</i>", "<b><i>x</i></b>y")]
    [InlineData("<div><table><tr><td></div>x</td></tr></table>", "<div><table><tr><td>x</td></tr></table></div>")]
    [InlineData("<ul><li>a<ul><li>b</ul></li><li>c</ul>", "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>")]
    public void Tags_are_balanced_with_a_stack(string input, string expected)
    {
        Assert.Equal(expected, Sanitize(input));
    }

    [Theory]
    [InlineData("<p>a<div>b</div>", "<p>a</p><div>b</div>")]
    [InlineData("<p>a<p>b", "<p>a</p><p>b</p>")]
    [InlineData("<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>")]
    [InlineData("<ul><li>a<div><li>b</div></ul>", "<ul><li>a<div></div></li><li>b</li></ul>")]
    [InlineData("<dl><dt>a<dd>b<dt>c</dl>", "<dl><dt>a</dt><dd>b</dd><dt>c</dt></dl>")]
    [InlineData("<h1>a<h2>b", "<h1>a</h1><h2>b</h2>")]
    [InlineData("<table><tr><td>a<td>b<tr><td>c</table>", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>")]
    [InlineData("<table><thead><tr><th>h<tbody><tr><td>d</table>", "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>")]
    [InlineData("<ruby>漢<rp>(<rt>kan<rp>)</ruby>", "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>")]
    public void Implied_end_tags_close_elements_as_html_does(string input, string expected)
    {
        Assert.Equal(expected, Sanitize(input));
    }

    [Fact]
    public void Nested_links_are_split_as_a_browser_splits_them()
    {
        Assert.Equal(
            $"<a href=\"https://example.org/1\"{Link}>x</a><a href=\"https://example.org/2\"{Link}>y</a>",
            Sanitize("<a href=\"https://example.org/1\">x<a href=\"https://example.org/2\">y</a></a>"));
    }

    [Theory]
    [InlineData("<tr><td>cell</td></tr>", "cell")]
    [InlineData("<td>cell</td>", "cell")]
    [InlineData("<caption>c</caption><col span=\"2\">", "c")]
    public void Table_parts_outside_a_table_are_unwrapped(string input, string expected) => Assert.Equal(expected, Sanitize(input));

    [Theory]
    [InlineData("<br/><hr></hr><wbr/>", "<br><hr><wbr>")]
    [InlineData("<img src=\"https://example.org/a.png\"></img>", "<img src=\"https://example.org/a.png\"" + Img + ">")]
    [InlineData("a</br>b", "a<br>b")]
    [InlineData("<div/>x", "<div>x</div>")]
    public void Void_elements_have_no_end_tag(string input, string expected) => Assert.Equal(expected, Sanitize(input));

    [Fact]
    public void Very_deep_nesting_is_flattened_beyond_the_depth_limit()
    {
        var input = string.Concat(Enumerable.Repeat("<div>", 1000)) + "x";

        var output = Sanitize(input);

        Assert.Equal(string.Concat(Enumerable.Repeat("<div>", 256)) + "x" + string.Concat(Enumerable.Repeat("</div>", 256)), output);
    }

    [Theory]
    [InlineData("<p>a<script>x</p><b>y</b></script>b</p>", "<p>ab</p>")]
    [InlineData("<p>a<style>x</style >b</p>", "<p>ab</p>")]
    [InlineData("<p>a<title><b>x</b></title>b</p>", "<p>ab</p>")]
    [InlineData("<p>a<textarea></textarea/>b</p>", "<p>ab</p>")]
    [InlineData("<p>a<noscript><p>x</p></NOSCRIPT>b</p>", "<p>ab</p>")]
    [InlineData("<p>a<script></scriptx></script>b</p>", "<p>ab</p>")]
    public void Raw_text_content_is_not_markup(string input, string expected) => Assert.Equal(expected, Sanitize(input));

    [Fact]
    public void Plaintext_is_dropped_with_everything_after_it()
    {
        Assert.Equal("<p>a</p>", Sanitize("<p>a<plaintext></plaintext><b>b</b></p>"));
    }

    [Theory]
    [InlineData("<ol reversed start=3><li>a</li></ol>", "<ol reversed start=\"3\"><li>a</li></ol>")]
    [InlineData("<a href=https://example.org/x?a=1>x</a>", "<a href=\"https://example.org/x?a=1\"" + Link + ">x</a>")]
    [InlineData("<a href='https://example.org/\"q\"'>x</a>", "<a href=\"https://example.org/&quot;q&quot;\"" + Link + ">x</a>")]
    [InlineData("<a\nhref\n=\n\"https://example.org/\"\n>x</a>", "<a href=\"https://example.org/\"" + Link + ">x</a>")]
    [InlineData("<img/src=\"https://example.org/a.png\"/alt=\"a\"/>", "<img src=\"https://example.org/a.png\" alt=\"a\"" + Img + ">")]
    [InlineData("<P TITLE=\"Upper\">x</P>", "<p title=\"Upper\">x</p>")]
    [InlineData("<p title=>x</p>", "<p title=\"\">x</p>")]
    public void Attribute_syntax_is_read_as_html5_reads_it(string input, string expected) => Assert.Equal(expected, Sanitize(input));

    [Fact]
    public void Of_duplicate_attributes_the_first_wins_even_when_it_is_rejected()
    {
        Assert.Equal(
            $"<a href=\"https://example.org/1\"{Link}>x</a><a>y</a>",
            Sanitize("<a href=\"https://example.org/1\" href=\"https://example.org/2\">x</a><a href=\"javascript:alert(1)\" href=\"https://example.org/3\">y</a>"));
    }

    [Fact]
    public void A_tag_cut_off_by_the_end_of_input_is_dropped()
    {
        Assert.Equal("<p>a</p>", Sanitize("<p>a<img src=\"https://example.org/a.png\" alt=\"unterminated"));
    }

    [Theory]
    [InlineData("&copy 2024", "© 2024")]
    [InlineData("&copy;&reg;&trade;&hellip;&mdash;", "©®™…—")]
    [InlineData("&notin; &notit;", "∉ ¬it;")]
    [InlineData("&#x1F600; &#128512; &#128; &#0; &#xD800;", "😀 😀 €  ")]
    [InlineData("&amp;amp; &AMP; &unknown; & alone &#; &#x;", "&amp;amp; &amp; &amp;unknown; &amp; alone &amp;#; &amp;#x;")]
    [InlineData("AT&T", "AT&amp;T")]
    public void Character_references_in_text_are_decoded_as_html5_does(string text, string expected)
    {
        Assert.Equal($"<p>{expected}</p>", Sanitize($"<p>{text}</p>"));
    }

    [Theory]
    [InlineData("https://example.org/?a=1&copy=2", "https://example.org/?a=1&amp;copy=2")]
    [InlineData("https://example.org/?a=1&copy2", "https://example.org/?a=1&amp;copy2")]
    [InlineData("https://example.org/?a=1&amp;b=2", "https://example.org/?a=1&amp;b=2")]
    [InlineData("https://example.org/?x=&copy", "https://example.org/?x=©")]
    public void Legacy_references_in_attributes_stay_literal_before_letters_digits_and_equals(string href, string expected)
    {
        Assert.Equal($"<a href=\"{expected}\"{Link}>x</a>", Sanitize($"<a href=\"{href}\">x</a>"));
    }

    [Fact]
    public void Pre_keeps_its_whitespace_exactly()
    {
        const string Code = "<pre><code>fn main() {\n    println!(\"hi\");\r\n\n\t}\n</code></pre>";

        Assert.Equal(Code, Sanitize(Code));
    }

    [Fact]
    public void Whitespace_and_text_between_elements_are_preserved()
    {
        const string Html = "  <p>one  two</p>\n\n<p>\u00A0three\u3000四</p>  ";

        Assert.Equal(Html, Sanitize(Html));
    }

    [Fact]
    public void Sanitizing_is_idempotent_on_a_mixed_document()
    {
        const string Html = "<div class=x><p>a<img src=b.png srcset=\"c.png 2x\"><a href=\"#d\">e &copy f</a><ul><li>g<li>h</ul><table><tr><td>i<td>j</table><iframe src=//www.youtube.com/embed/k></iframe><p style=\"text-align:center\">l";

        var once = Sanitize(Html);

        Assert.Equal(once, Sanitize(once));
        Assert.Empty(DomOracle.Violations(once));
    }

    [Fact]
    public void Sanitizer_is_safe_to_use_from_many_threads()
    {
        var inputs = Enumerable.Range(0, 200).Select(i => $"<p>item {i}<img src=\"/{i}.png\"><script>x</script></p>").ToArray();

        var outputs = new string[inputs.Length];
        Parallel.For(0, inputs.Length, i => outputs[i] = Sanitize(inputs[i]));

        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal($"<p>item {i}<img src=\"https://example.com/{i}.png\"{Img}></p>", outputs[i]);
        }
    }
}
