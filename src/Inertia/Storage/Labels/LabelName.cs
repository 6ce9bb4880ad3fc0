using System.Diagnostics.CodeAnalysis;
using Inertia.Search;

namespace Inertia.Storage.Labels;

/// <summary>
/// The rules for a label's name: trimmed, 1 to 64 characters, no control characters, no double quote (searches
/// quote names: <c>label:"NAME"</c>) and no slash (Google Reader names a label <c>user/-/label/NAME</c>). Two
/// names that fold alike (case, width, accents) are one label.
/// </summary>
internal static class LabelName
{
    public const int MaxLength = 64;

    /// <summary>The name as it will be stored, or false when it breaks a rule.</summary>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? name)
    {
        name = text?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || name.Any(c => char.IsControl(c) || c is '/' or '"'))
        {
            name = null;
            return false;
        }
        return true;
    }

    /// <summary>The key labels are compared by.</summary>
    public static string Key(string name) => SearchText.Fold(name.Trim());
}
