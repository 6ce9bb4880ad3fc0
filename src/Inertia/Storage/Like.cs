namespace Inertia.Storage;

/// <summary>Text searched for with LIKE … ESCAPE '\': its own %, _ and \ match only themselves.</summary>
internal static class Like
{
    public static string Escape(string text) => text.Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
