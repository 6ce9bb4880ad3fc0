using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>The caller's account, in Miniflux's shape; preferences Inertia does not have are answered with Miniflux's defaults.</summary>
internal sealed record UserJson
{
    [JsonPropertyName("id")] public long Id { get; init; }
    [JsonPropertyName("username")] public required string Username { get; init; }
    [JsonPropertyName("is_admin")] public bool IsAdmin { get; init; }
    [JsonPropertyName("theme")] public required string Theme { get; init; }
    [JsonPropertyName("language")] public required string Language { get; init; }
    [JsonPropertyName("timezone")] public required string Timezone { get; init; }
    [JsonPropertyName("entry_sorting_direction")] public required string EntrySortingDirection { get; init; }
    [JsonPropertyName("entry_sorting_order")] public string EntrySortingOrder { get; init; } = "published_at";
    [JsonPropertyName("stylesheet")] public string Stylesheet { get; init; } = "";
    [JsonPropertyName("google_id")] public string GoogleId { get; init; } = "";
    [JsonPropertyName("openid_connect_id")] public string OpenIdConnectId { get; init; } = "";
    [JsonPropertyName("entries_per_page")] public int EntriesPerPage { get; init; }
    [JsonPropertyName("keyboard_shortcuts")] public bool KeyboardShortcuts { get; init; } = true;
    [JsonPropertyName("show_reading_time")] public bool ShowReadingTime { get; init; }
    [JsonPropertyName("entry_swipe")] public bool EntrySwipe { get; init; } = true;
    [JsonPropertyName("last_login_at")] public DateTimeOffset? LastLoginAt { get; init; }
    [JsonPropertyName("display_mode")] public string DisplayMode { get; init; } = "standalone";
    [JsonPropertyName("default_reading_speed")] public int DefaultReadingSpeed { get; init; } = 265;
    [JsonPropertyName("cjk_reading_speed")] public int CjkReadingSpeed { get; init; } = 500;
    [JsonPropertyName("default_home_page")] public string DefaultHomePage { get; init; } = "unread";
    [JsonPropertyName("categories_sorting_order")] public string CategoriesSortingOrder { get; init; } = "alphabetical";
    [JsonPropertyName("mark_read_on_view")] public bool MarkReadOnView { get; init; }
}
