using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>
/// The body of changing a feed: its title for the caller, its category (0: out of folders), and its block and keep
/// lists (regular expressions that become rules of the feed; empty removes one). Other Miniflux fields are accepted and ignored.
/// </summary>
internal sealed record FeedModificationRequest(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("category_id")] long? CategoryId,
    [property: JsonPropertyName("blocklist_rules")] string? BlocklistRules = null,
    [property: JsonPropertyName("keeplist_rules")] string? KeeplistRules = null);
