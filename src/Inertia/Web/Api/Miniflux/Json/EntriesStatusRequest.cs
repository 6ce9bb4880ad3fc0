using System.Text.Json.Serialization;

namespace Inertia.Web.Api.Miniflux.Json;

/// <summary>The body of <c>PUT /v1/entries</c>: entries to mark "read" or "unread".</summary>
internal sealed record EntriesStatusRequest(
    [property: JsonPropertyName("entry_ids")] IReadOnlyList<long>? EntryIds,
    [property: JsonPropertyName("status")] string? Status);
