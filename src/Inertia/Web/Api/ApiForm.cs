using System.Text;

namespace Inertia.Web.Api;

/// <summary>
/// A request's parameters from the query string and, for form posts, the body together, as the Google Reader
/// and Fever clients send them one way or the other. Names are case-sensitive, as in Google Reader, where
/// <c>t</c> is a title and <c>T</c> the write token (ASP.NET Core's form and query collections ignore case).
/// Reading the body here, not through form binding, also keeps anti-forgery — which is for cookie-authenticated
/// forms — out of these endpoints.
/// </summary>
internal sealed class ApiForm
{
    /// <summary>The largest form body read: 10,000 long-form item ids fit several times over.</summary>
    private const int MaxBody = 4 * 1024 * 1024;

    private static readonly object CacheKey = new();

    private readonly List<KeyValuePair<string, string>> _pairs;

    private ApiForm(List<KeyValuePair<string, string>> pairs) => _pairs = pairs;

    /// <summary>The request's parameters (read once per request: filters and the endpoint share them).</summary>
    public static async Task<ApiForm> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Items[CacheKey] is ApiForm cached)
        {
            return cached;
        }
        var pairs = new List<KeyValuePair<string, string>>();
        if (request.HasFormContentType && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            Parse(await ReadBodyAsync(request, cancellationToken), pairs);
        }
        else if (request.HasFormContentType)
        {
            // Some Fever clients post multipart forms; their names carry no case distinction that matters.
            try
            {
                var multipart = await request.ReadFormAsync(cancellationToken);
                pairs.AddRange(multipart.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))));
            }
            catch (InvalidDataException)
            {
                // Malformed or too large: read as no body, like an oversized urlencoded one.
            }
        }
        Parse(request.QueryString.Value?.TrimStart('?') ?? "", pairs);
        var form = new ApiForm(pairs);
        request.HttpContext.Items[CacheKey] = form;
        return form;
    }

    /// <summary>The first value of a parameter, from the body first, then the query string.</summary>
    public string? this[string name] => All(name).FirstOrDefault();

    /// <summary>Every value of a parameter, body and query string.</summary>
    public IEnumerable<string> All(string name) => _pairs.Where(p => p.Key == name).Select(p => p.Value);

    public bool Has(string name) => _pairs.Exists(p => p.Key == name);

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (text.Length + read > MaxBody)
            {
                // A body too large counts as no body: the request then lacks what it needs and says so.
                return "";
            }
            text.Append(buffer, 0, read);
        }
        return text.ToString();
    }

    private static void Parse(string text, List<KeyValuePair<string, string>> pairs)
    {
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? "" : Decode(part[(equals + 1)..]);
            pairs.Add(new(name, value));
        }
    }

    private static string Decode(string text)
    {
        var plus = text.Replace('+', ' ');
        try
        {
            return Uri.UnescapeDataString(plus);
        }
        catch (UriFormatException)
        {
            return plus;
        }
    }
}
