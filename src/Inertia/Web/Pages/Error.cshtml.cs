using Inertia.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inertia.Web.Pages;

/// <summary>What a reader sees for a missing page, a refused request or a failure: a plain explanation, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel(Translator t) : PageModel
{
    internal string Heading { get; private set; } = "";
    internal string Explanation { get; private set; } = "";

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        // Read by hand, not bound: binding would read the form of a refused POST, which must stay unread.
        var status = int.TryParse(Request.Query["status"], System.Globalization.CultureInfo.InvariantCulture, out var code) ? code
            : HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null ? 404 : 500;
        Response.StatusCode = status;
        (Heading, Explanation) = status switch
        {
            404 => (t["Not found"], t["There is nothing here, or it is not yours to see."]),
            400 => (t["Bad request"], t["The request could not be understood. If you were sending a form, reload the page and try again."]),
            405 => (t["Not allowed"], t["This address does not accept that kind of request."]),
            429 => (t["Too many requests"], t["Slow down a little and try again in a minute."]),
            _ => (t["Something went wrong"], t["Inertia could not finish this request. Nothing was lost; try again in a moment."]),
        };
    }
}
