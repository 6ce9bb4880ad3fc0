using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>
/// The body of creating a feed: its address (a feed, or a page that links to one), its category (0 or none: outside
/// folders), and its block and keep lists (regular expressions that become rules of the feed: docs/rules.md).
/// </summary>
internal sealed record FeedCreationRequest(
    [property: JsonPropertyName("feed_url")] string? FeedUrl,
    [property: JsonPropertyName("category_id")] long? CategoryId,
    [property: JsonPropertyName("blocklist_rules")] string? BlocklistRules = null,
    [property: JsonPropertyName("keeplist_rules")] string? KeeplistRules = null);
