using Inertia.Web.Security;

namespace Inertia.Web.Localization;

/// <summary>Chooses the language of a request: the signed-in user's setting, else the browser's Accept-Language, else English.</summary>
internal static class Languages
{
    public static Translator For(HttpContext? context)
    {
        if (context is null)
        {
            return new Translator(UiLanguage.English);
        }
        if (UiLanguage.Find(context.CurrentUser()?.Settings.Language) is { } chosen)
        {
            return new Translator(chosen);
        }
        return ForBrowser(context.Request);
    }

    /// <summary>The browser's choice alone (Accept-Language, else English), for answers that must not depend on who is signed in.</summary>
    public static Translator ForBrowser(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptLanguage
            .Where(a => a.Value.HasValue)
            .Select(a => (a.Value.Value!, a.Quality ?? 1.0));
        return new Translator(UiLanguage.FromAcceptLanguage(accepted));
    }
}
