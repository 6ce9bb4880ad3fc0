using Inertia.Web.Localization;

namespace Inertia.Web.Public;

/// <summary>The directory's categories and languages in the reader's language; one an administrator invented shows as written.</summary>
internal static class CatalogLabels
{
    /// <summary>The categories the shipped catalog uses, offered first in the administrators' form.</summary>
    public static readonly IReadOnlyList<string> Categories =
        ["Tech news", "Security", "AI", "Engineering blogs", "Chinese tech media", "Personal blogs", "Privacy", "Open source"];

    public static string Category(Translator t, string category) => category switch
    {
        "Tech news" => t["Tech news"],
        "Security" => t["Security"],
        "AI" => t["AI"],
        "Engineering blogs" => t["Engineering blogs"],
        "Chinese tech media" => t["Chinese tech media"],
        "Personal blogs" => t["Personal blogs"],
        "Privacy" => t["Privacy"],
        "Open source" => t["Open source"],
        _ => category,
    };

    public static string Language(Translator t, string code) => code switch
    {
        "en" => t["English"],
        "zh" => t["Chinese"],
        _ => code,
    };
}
