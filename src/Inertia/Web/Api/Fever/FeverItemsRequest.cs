namespace Inertia.Web.Api.Fever;

/// <summary>Which items a Fever client asks for: after <c>since_id</c>, before <c>max_id</c>, or exactly <c>with_ids</c>.</summary>
internal sealed record FeverItemsRequest(long? SinceId, long? MaxId, IReadOnlyList<long>? WithIds);
