using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>A page of entries and how many the filter selects in all.</summary>
internal sealed record EntryListJson(
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("entries")] IReadOnlyList<EntryJson> Entries);
