using System.Text.Encodings.Web;
using System.Text.Unicode;
using Inertia.Catalog;
using Inertia.Fetching;
using Inertia.Hosting;
using Inertia.Icons;
using Inertia.Importing;
using Inertia.Refresh;
using Inertia.Search;
using Inertia.Storage;
using Inertia.Storage.Entries;
using Inertia.Web.Api;
using Inertia.Web.Api.Fever;
using Inertia.Web.Api.GoogleReader;
using Inertia.Web.Api.Miniflux;
using Inertia.Web.Endpoints;
using Inertia.Web.Localization;
using Inertia.Web.Pages;
using Inertia.Web.Public;
using Inertia.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Inertia.Web;

/// <summary>
/// The web application <c>inertia serve</c> runs: server-rendered Razor Pages for reading, cookie sessions,
/// anti-forgery on every state-changing request, a strict Content-Security-Policy, and the background
/// refresh beside it unless another process does that.
/// </summary>
internal static class WebApp
{
    /// <summary>
    /// Builds the application on an open database. <paramref name="background"/> adds the refresh and icon
    /// services (with <paramref name="retention"/>, the default policy when null); <paramref name="configure"/>
    /// lets tests adjust the builder (logging, time) before it is built.
    /// </summary>
    public static WebApplication Build(Database database, FetchOptions fetchOptions, string urls, bool background,
        RetentionPolicy? retention = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The pages are compiled into this assembly, whichever process hosts it (tests, benchmarks).
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            // Everything the app serves is inside the executable; the working folder is the user's, not ours.
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(urls);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The keys are kept in Inertia's own database, whose access already means full control; no encryptor is needed.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        builder.Services.AddInertia(database, fetchOptions, retention: retention);
        builder.Services.AddHostedService<CatalogSeeding>();
        if (background)
        {
            builder.Services.AddHostedService<RefreshScheduler>();
            builder.Services.AddHostedService(provider => provider.GetRequiredService<IconRefresher>());
            builder.Services.AddHostedService<SearchBackfill>();
        }
        // OPML imports run in the process that took the upload, whatever its role.
        builder.Services.AddSingleton<ImportQueue>();
        builder.Services.AddHostedService<ImportWorker>();

        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web/Pages";
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AllowAnonymousToPage("/Account/Setup");
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AuthorizeFolder("/Admin", AdminPolicy.Name);
            options.Conventions.AddPageRoute("/Reader/List", "folders/{folderId:long}");
            options.Conventions.AddPageRoute("/Reader/List", "feeds/{feedId:long}");
            options.Conventions.AddPageRoute("/Settings/RuleEdit", "settings/rules/new");
            options.Conventions.ConfigureFilter(new MethodNotAllowedFilter());
        });
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(SessionCookie.Configure);
        builder.Services.AddAuthorization(options => options.AddPolicy(AdminPolicy.Name, AdminPolicy.Build));
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "inertia_csrf";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.HeaderName = AntiforgeryHeader;
        });
        builder.Services.AddDataProtection().SetApplicationName("Inertia");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>, DataProtectionKeys>();
        builder.Services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/json", "image/svg+xml", "image/x-icon",
                "application/rss+xml", "application/atom+xml", "application/feed+json", "text/x-opml"];
        });
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        // Chinese and every other script is written as itself, not as &#x…; references (three times the bytes).
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(provider => Languages.For(provider.GetRequiredService<IHttpContextAccessor>().HttpContext));
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<FirstRun>();
        builder.Services.AddMinifluxApi();
        builder.Services.AddSingleton<FeverQueries>();
        builder.Services.AddSingleton<ApiSignInThrottle>();
        builder.Services.AddSingleton(new StaticAssets(new ManifestEmbeddedFileProvider(typeof(WebApp).Assembly, "Web/Assets")));

        configure?.Invoke(builder);
        var app = builder.Build();
        // Behind a reverse proxy on the same machine (the usual TLS set-up), trust its X-Forwarded-* headers, so
        // that cookies are marked Secure and client addresses (for sign-in limits) are the real ones.
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        app.UseResponseCompression();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        app.UseMinifluxApiErrors();
        app.UseMiddleware<ApiRequests>();
        app.Services.GetRequiredService<StaticAssets>().Map(app);
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<FirstRunRedirect>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.UseMiddleware<PublicPageCache>();

        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", async (Database db, CancellationToken token) =>
            await db.IsReadyAsync(token) ? Results.Text("ready") : Results.Text("database unreachable or not migrated", statusCode: 503));
        app.MapGet("/", () => Results.Redirect("/unread")).RequireAuthorization();
        IconEndpoints.Map(app);
        ReadingEndpoints.Map(app);
        SavedSearchEndpoints.Map(app);
        app.MapMinifluxApi();
        GoogleReaderEndpoints.Map(app);
        FeverEndpoints.Map(app);
        PublicEndpoints.Map(app);
        Endpoints.OpmlEndpoints.Map(app);
        FeedsOutEndpoints.Map(app);
        app.MapRazorPages();
        return app;
    }

    /// <summary>The header through which scripts send the anti-forgery token.</summary>
    public const string AntiforgeryHeader = "X-CSRF-Token";
}
