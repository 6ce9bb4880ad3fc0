using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Inertia.Web;

/// <summary>
/// The style sheet, script and images of the interface, embedded in the executable and served under
/// <c>/static/</c>. Pages link them with a hash of their content (<see cref="Url"/>), so that browsers may
/// keep them for a year and still never use an outdated one.
/// </summary>
internal sealed class StaticAssets
{
    private readonly IFileProvider _files;
    private readonly FrozenDictionary<string, string> _versions;

    public StaticAssets(IFileProvider files)
    {
        _files = files;
        _versions = files.GetDirectoryContents("/").Where(f => !f.IsDirectory)
            .ToFrozenDictionary(f => f.Name, f => Hash(f), StringComparer.Ordinal);
        if (_versions.Count == 0)
        {
            throw new InvalidOperationException("The web assets are not embedded in the executable; the build is broken.");
        }
    }

    /// <summary>The URL of an asset with its content version: "/static/app.css?v=…".</summary>
    public string Url(string name) =>
        _versions.TryGetValue(name, out var version) ? $"/static/{name}?v={version}" : throw new ArgumentException($"No asset is called {name}.", nameof(name));

    public void Map(IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = _files,
        RequestPath = "/static",
        ContentTypeProvider = new FileExtensionContentTypeProvider(),
        OnPrepareResponse = context =>
        {
            var versioned = context.Context.Request.Query.ContainsKey("v");
            context.Context.Response.Headers.CacheControl = versioned ? "public, max-age=31536000, immutable" : "no-cache";
        },
    });

    private static string Hash(IFileInfo file)
    {
        using var stream = file.CreateReadStream();
        return Convert.ToHexStringLower(SHA256.HashData(stream).AsSpan(0, 6));
    }
}
