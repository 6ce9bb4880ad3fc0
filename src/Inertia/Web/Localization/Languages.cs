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
        var accepted = context.Request.GetTypedHeaders().AcceptLanguage
            .Where(a => a.Value.HasValue)
            .Select(a => (a.Value.Value!, a.Quality ?? 1.0));
        return new Translator(UiLanguage.FromAcceptLanguage(accepted));
    }
}
