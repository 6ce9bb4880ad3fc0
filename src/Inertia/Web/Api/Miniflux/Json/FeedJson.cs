using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>A Miniflux feed: a subscription of the caller, with the feed's fetch state. Settings Inertia does not have are answered with their Miniflux defaults.</summary>
internal sealed record FeedJson
{
    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("user_id")] public long UserId { get; init; }
    [JsonPropertyName("feed_url")] public required string FeedUrl { get; init; }
    [JsonPropertyName("site_url")] public required string SiteUrl { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("checked_at")] public DateTimeOffset CheckedAt { get; init; }
    [JsonPropertyName("next_check_at")] public DateTimeOffset NextCheckAt { get; init; }
    [JsonPropertyName("etag_header")] public string EtagHeader { get; init; } = "";
    [JsonPropertyName("last_modified_header")] public string LastModifiedHeader { get; init; } = "";
    [JsonPropertyName("parsing_error_message")] public string ParsingErrorMessage { get; init; } = "";
    [JsonPropertyName("parsing_error_count")] public int ParsingErrorCount { get; init; }
    [JsonPropertyName("scraper_rules")] public string ScraperRules { get; init; } = "";
    [JsonPropertyName("rewrite_rules")] public string RewriteRules { get; init; } = "";
    [JsonPropertyName("crawler")] public bool Crawler { get; init; }
    [JsonPropertyName("blocklist_rules")] public string BlocklistRules { get; init; } = "";
    [JsonPropertyName("keeplist_rules")] public string KeeplistRules { get; init; } = "";
    [JsonPropertyName("user_agent")] public string UserAgent { get; init; } = "";
    [JsonPropertyName("cookie")] public string Cookie { get; init; } = "";
    [JsonPropertyName("username")] public string Username { get; init; } = "";
    [JsonPropertyName("password")] public string Password { get; init; } = "";

    /// <summary>True when the feed is gone (HTTP 410): Inertia no longer fetches it.</summary>
    [JsonPropertyName("disabled")] public bool Disabled { get; init; }
    [JsonPropertyName("no_media_player")] public bool NoMediaPlayer { get; init; }
    [JsonPropertyName("ignore_http_cache")] public bool IgnoreHttpCache { get; init; }
    [JsonPropertyName("allow_self_signed_certificates")] public bool AllowSelfSignedCertificates { get; init; }
    [JsonPropertyName("fetch_via_proxy")] public bool FetchViaProxy { get; init; }
    [JsonPropertyName("hide_globally")] public bool HideGlobally { get; init; }
    [JsonPropertyName("category")] public required CategoryJson Category { get; init; }
    [JsonPropertyName("icon")] public FeedIconRefJson? Icon { get; init; }
}
