using Microsoft.AspNetCore.Authorization;

namespace Inertia.Web.Api.Miniflux;

/// <summary>
/// The Miniflux-compatible REST API under <c>/v1</c> (docs/api.md): its services, its place in the pipeline and
/// its routes, with the OpenAPI document at <c>/v1/openapi.json</c>.
/// </summary>
internal static class MinifluxApi
{
    public const string DocumentName = "openapi";

    public static IServiceCollection AddMinifluxApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiAuthentication>(ApiAuthentication.SchemeName, null);
        services.AddSingleton<BasicCredentialCache>();
        services.AddSingleton(new ApiRateLimits());
        services.AddRateLimiter(options => options.AddPolicy<string, ApiRateLimitPolicy>(ApiRateLimitPolicy.Name));
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Inertia REST API (Miniflux-compatible)";
                document.Info.Description = "Miniflux's v1 API: authenticate with an X-Auth-Token header (an API token from Settings) or HTTP Basic (user name and password). See docs/api.md.";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Keeps API answers JSON (see <see cref="ApiErrors"/>); goes right after the reader's error pages.</summary>
    public static IApplicationBuilder UseMinifluxApiErrors(this IApplicationBuilder app) => app.UseMiddleware<ApiErrors>();

    public static void MapMinifluxApi(this WebApplication app)
    {
        var policy = new AuthorizationPolicyBuilder(ApiAuthentication.SchemeName).RequireAuthenticatedUser().Build();
        var api = app.MapGroup(ApiErrors.Prefix).RequireAuthorization(policy).RequireRateLimiting(ApiRateLimitPolicy.Name).WithTags("Miniflux");
        AccountEndpoints.Map(api);
        CategoryEndpoints.Map(api);
        FeedEndpoints.Map(api);
        EntryEndpoints.Map(api);
        OpmlEndpoints.Map(api);
        app.MapOpenApi(ApiErrors.Prefix + "/{documentName}.json").AllowAnonymous();
    }
}
