using Microsoft.Extensions.Primitives;

namespace Inertia.Web.Api;

/// <summary>
/// A request's parameters from the query string and, for form posts, the body together, as the Google Reader
/// and Fever clients send them one way or the other. Reading the body here (not through form binding) also
/// keeps anti-forgery, which is for cookie-authenticated forms, out of these endpoints.
/// </summary>
internal sealed class ApiForm
{
    private readonly IQueryCollection _query;
    private readonly IFormCollection? _form;

    private ApiForm(IQueryCollection query, IFormCollection? form)
    {
        _query = query;
        _form = form;
    }

    public static async Task<ApiForm> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        IFormCollection? form = null;
        if (request.HasFormContentType)
        {
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (InvalidDataException)
            {
                // A body too large or malformed counts as no body: the request then lacks what it needs and says so.
            }
        }
        return new ApiForm(request.Query, form);
    }

    /// <summary>The first value of a parameter, from the body first, then the query string.</summary>
    public string? this[string name] => All(name).FirstOrDefault(v => v is not null);

    /// <summary>Every value of a parameter, body and query string.</summary>
    public IEnumerable<string?> All(string name)
    {
        var body = _form?[name] ?? StringValues.Empty;
        return body.Concat(_query[name]);
    }

    public bool Has(string name) => (_form?.ContainsKey(name) ?? false) || _query.ContainsKey(name);
}
