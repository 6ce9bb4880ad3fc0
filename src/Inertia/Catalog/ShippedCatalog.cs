using System.Reflection;

namespace Inertia.Catalog;

/// <summary>
/// The recommended sources Inertia ships with (Catalog/catalog.tsv, embedded): tab-separated, one header row,
/// columns name, feed_url, site_url, icon_url, category, language, description. Loaded into the database once
/// (<see cref="CatalogSeeding"/>); administrators edit the database's copy, never this file.
/// </summary>
internal static class ShippedCatalog
{
    /// <summary>The name under which loading this catalog is recorded; a later catalog gets a new one.</summary>
    public const string Name = "catalog-2026-12";

    private static readonly string[] Columns = ["name", "feed_url", "site_url", "icon_url", "category", "language", "description"];

    public static IReadOnlyList<CatalogSource> Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Catalog/catalog.tsv")
            ?? throw new InvalidOperationException("The catalog is not embedded in the executable; the build is broken.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads catalog text; a malformed line is a defect of the shipped file, so it stops with the line's number.</summary>
    public static IReadOnlyList<CatalogSource> Parse(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count == 0 || !lines[0].Split('\t').SequenceEqual(Columns))
        {
            throw new FormatException($"The catalog's header must be: {string.Join(' ', Columns)}.");
        }
        var sources = new List<CatalogSource>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            var cells = lines[i].Split('\t');
            if (cells.Length != Columns.Length || cells[0].Length == 0 || cells[1].Length == 0 || cells[4].Length == 0 || cells[5].Length == 0)
            {
                throw new FormatException($"Catalog line {i + 1} needs {Columns.Length} columns with a name, feed URL, category and language.");
            }
            sources.Add(new CatalogSource(cells[0], cells[1], Empty(cells[2]), Empty(cells[3]), cells[4], cells[5], cells[6]));
        }
        return sources;
    }

    private static string? Empty(string cell) => cell.Length == 0 ? null : cell;
}
