using System.Globalization;

namespace Inertia.Cli;

/// <summary>Counts written for people: "1 feed", "2 feeds", "1,204 entries".</summary>
internal static class Plural
{
    public static string Count(long count, string one, string many) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
