using Microsoft.OpenApi;

namespace Inertia.Web.Api.Miniflux;

/// <summary>
/// Documents a request body without restricting it: <c>Accepts</c> metadata would also make routing refuse
/// other content types (415), and real clients send JSON as they like (newsboat sends it as a form).
/// </summary>
internal static class OpenApiBodies
{
    public static RouteHandlerBuilder Body<T>(this RouteHandlerBuilder endpoint, string contentType = "application/json") =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() { Schema = schema } },
            };
        });
}
