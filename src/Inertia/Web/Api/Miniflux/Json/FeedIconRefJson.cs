using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>Where a feed's icon is: <c>/v1/icons/{icon_id}</c> (in Inertia the icon id is the feed id).</summary>
internal sealed record FeedIconRefJson(
    [property: JsonPropertyName("feed_id")] long FeedId,
    [property: JsonPropertyName("icon_id")] long IconId);
