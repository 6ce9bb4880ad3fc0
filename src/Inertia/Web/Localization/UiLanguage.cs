using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Inertia.Web.Localization;

/// <summary>A language the interface speaks, with its table of translations (empty for English, the source language).</summary>
internal sealed class UiLanguage
{
    private UiLanguage(string code, string name, FrozenDictionary<string, string> strings)
    {
        Code = code;
        Name = name;
        Culture = CultureInfo.GetCultureInfo(code);
        Strings = strings;
    }

    public static UiLanguage English { get; } = new("en", "English", FrozenDictionary<string, string>.Empty);

    public static UiLanguage SimplifiedChinese { get; } = new("zh-CN", "简体中文", Load("zh-CN"));

    /// <summary>Every language, English first.</summary>
    public static IReadOnlyList<UiLanguage> All { get; } = [English, SimplifiedChinese];

    public string Code { get; }

    /// <summary>The language's name in itself, for the language menu.</summary>
    public string Name { get; }

    public CultureInfo Culture { get; }

    public FrozenDictionary<string, string> Strings { get; }

    /// <summary>The language with this code (ignoring case), or null.</summary>
    public static UiLanguage? Find(string? code) => All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The best language for an Accept-Language header: the first listed (by quality) that the interface
    /// speaks, where any "zh" other than Traditional Chinese counts as Simplified; English otherwise.
    /// </summary>
    public static UiLanguage FromAcceptLanguage(IEnumerable<(string Tag, double Quality)> accepted)
    {
        foreach (var (tag, _) in accepted.OrderByDescending(a => a.Quality))
        {
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
                && !tag.Contains("TW", StringComparison.OrdinalIgnoreCase) && !tag.Contains("HK", StringComparison.OrdinalIgnoreCase)
                && !tag.Contains("Hant", StringComparison.OrdinalIgnoreCase))
            {
                return SimplifiedChinese;
            }
        }
        return English;
    }

    /// <summary>The translation table of a language, embedded as Web/Localization/CODE.json: {"English text": "translation"}.</summary>
    internal static FrozenDictionary<string, string> Load(string code)
    {
        using var stream = typeof(UiLanguage).Assembly.GetManifestResourceStream($"Translations/{code}.json")
            ?? throw new InvalidOperationException($"The translations for {code} are not embedded.");
        return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? []).ToFrozenDictionary(StringComparer.Ordinal);
    }
}
