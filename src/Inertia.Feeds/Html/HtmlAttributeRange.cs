namespace Inertia.Feeds.Html;

/// <summary>Where one attribute of the current tag lies: its lowercased name in the tokenizer's name buffer, its raw value in the source.</summary>
internal readonly record struct HtmlAttributeRange(int NameStart, int NameLength, int ValueStart, int ValueLength);
