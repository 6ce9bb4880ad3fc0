using System.Security.Cryptography;
using Inertia.Web.Security;
using Microsoft.Net.Http.Headers;

namespace Inertia.Web.Public;

/// <summary>
/// Caching for the pages anyone may read (<see cref="PublicCacheAttribute"/>). Signed out, a page is the same
/// for everyone with the same language: it is cached publicly for a short while and carries an ETag (a hash
/// of the page), so that a browser or proxy revalidating it gets 304 without the body. Signed in, the page
/// shows the reader's own state ("subscribed", the top bar), so it is never stored by anyone
/// (<c>private, no-store</c>); <c>Vary: Cookie</c> keeps shared caches from handing the public copy to a
/// signed-in reader and the other way round.
/// </summary>
internal sealed class PublicPageCache(RequestDelegate next)
{
    /// <summary>How long anyone may reuse a public page without asking: new entries show within this time.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.GetEndpoint()?.Metadata.GetMetadata<PublicCacheAttribute>() is not { } policy)
        {
            await next(context);
            return;
        }
        var response = context.Response;
        var body = response.Body;
        using var page = new MemoryStream();
        response.Body = page;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            response.Headers.Append(HeaderNames.Vary, "Cookie, Accept-Language");
            if (context.CurrentUser() is not null || response.Headers.ContainsKey(HeaderNames.SetCookie))
            {
                response.Headers.CacheControl = "private, no-store";
                response.Headers.Remove(HeaderNames.Pragma);
            }
            else
            {
                var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(page.GetBuffer().AsSpan(0, (int)page.Length)).AsSpan(0, 16))}\"", isWeak: true);
                response.Headers.ETag = etag.ToString();
                response.Headers.CacheControl = policy.Revalidate ? "public, no-cache" : $"public, max-age={(int)MaxAge.TotalSeconds}";
                if (request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    response.ContentLength = null;
                    response.Headers.ContentType = default;
                    return;
                }
            }
        }
        if (page.Length > 0)
        {
            response.ContentLength = page.Length;
            page.Position = 0;
            await page.CopyToAsync(body, context.RequestAborted);
        }
    }
}
