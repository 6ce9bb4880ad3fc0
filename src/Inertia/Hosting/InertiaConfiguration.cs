using System.Globalization;
using Inertia.Fetching;
using Inertia.Storage.Entries;

namespace Inertia.Hosting;

/// <summary>
/// The settings that do not come from the command line: the <c>INERTIA_*</c> environment variables and, beneath
/// them, the <c>"Inertia"</c> section of an optional <c>appsettings.json</c> in the working folder (or of the file
/// <c>INERTIA_CONFIG</c> names). Command-line options go above both, where the commands read them. A setting that
/// cannot be read is an <see cref="ArgumentException"/> whose one-line message says where it came from.
/// </summary>
internal sealed record InertiaConfiguration
{
    /// <summary>The environment variable naming a settings file to read instead of <see cref="DefaultFileName"/>.</summary>
    public const string FileVariable = "INERTIA_CONFIG";

    /// <summary>The settings file read from the working folder when it exists.</summary>
    public const string DefaultFileName = "appsettings.json";

    private const string SectionName = "Inertia";

    /// <summary><c>INERTIA_DATABASE</c>, else <c>Inertia:Database</c>: what <c>--database</c> takes.</summary>
    public string? Database { get; init; }

    /// <summary><c>INERTIA_DATA</c>, else <c>Inertia:Data</c>: what <c>--data</c> takes.</summary>
    public string? Data { get; init; }

    /// <summary>
    /// <c>INERTIA_ALLOW_NETWORKS</c> (comma-separated), else <c>Inertia:AllowNetworks</c> (an array); each
    /// <c>--allow-network</c> adds to it.
    /// </summary>
    public NetworkAllowList AllowNetworks { get; init; } = NetworkAllowList.Empty;

    /// <summary>
    /// <c>INERTIA_RETENTION_READ_DAYS</c>, <c>INERTIA_RETENTION_UNREAD_DAYS</c> and <c>INERTIA_RETENTION_KEEP_PER_FEED</c>,
    /// else <c>Inertia:Retention:ReadDays</c>, <c>UnreadDays</c> and <c>KeepPerFeed</c>; each unset one keeps its default.
    /// </summary>
    public RetentionPolicy Retention { get; init; } = new();

    /// <summary>The settings of this process: its environment and the settings file of its working folder.</summary>
    public static InertiaConfiguration Load() => Load(Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable);

    /// <summary>The settings from <paramref name="environment"/> and the settings file found from <paramref name="workingDirectory"/>.</summary>
    /// <exception cref="ArgumentException">The file or a value cannot be read; the message names it.</exception>
    public static InertiaConfiguration Load(string workingDirectory, Func<string, string?> environment)
    {
        var (file, section) = ReadFile(workingDirectory, NonEmpty(environment(FileVariable)));
        var defaults = new RetentionPolicy();
        return new InertiaConfiguration
        {
            Database = NonEmpty(environment("INERTIA_DATABASE")) ?? NonEmpty(section?["Database"]),
            Data = NonEmpty(environment("INERTIA_DATA")) ?? NonEmpty(section?["Data"]),
            AllowNetworks = AllowNetworks(),
            Retention = new RetentionPolicy
            {
                ReadEntries = Days("INERTIA_RETENTION_READ_DAYS", "Retention:ReadDays") ?? defaults.ReadEntries,
                UnreadEntries = Days("INERTIA_RETENTION_UNREAD_DAYS", "Retention:UnreadDays") ?? defaults.UnreadEntries,
                KeepPerFeed = WholeNumber("INERTIA_RETENTION_KEEP_PER_FEED", "Retention:KeepPerFeed", minimum: 0) ?? defaults.KeepPerFeed,
            },
        };

        NetworkAllowList AllowNetworks()
        {
            if (NonEmpty(environment(NetworkAllowList.EnvironmentVariable)) is { } fromEnvironment)
            {
                return NetworkAllowList.Parse(fromEnvironment.Split(','), NetworkAllowList.EnvironmentVariable);
            }
            var list = section?.GetSection("AllowNetworks");
            // An array as documented, or one comma-separated string as the environment variable takes it.
            var entries = list?.Value?.Split(',') ?? list?.GetChildren().Select(entry => entry.Value ?? "") ?? [];
            return NetworkAllowList.Parse(entries, $"{SectionName}:AllowNetworks in {file}");
        }

        TimeSpan? Days(string variable, string key) =>
            WholeNumber(variable, key, minimum: 1) is { } days ? TimeSpan.FromDays(days) : null;

        int? WholeNumber(string variable, string key, int minimum)
        {
            var (value, source) = NonEmpty(environment(variable)) is { } fromEnvironment
                ? (fromEnvironment, variable)
                : (NonEmpty(section?[key]), $"{SectionName}:{key} in {file}");
            if (value is null)
            {
                return null;
            }
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
                ? number
                : throw new ArgumentException($"{source} must be a whole number, {minimum} or more, not \"{value}\".");
        }
    }

    /// <summary>The settings file's path and its "Inertia" section; no section when the default file does not exist.</summary>
    private static (string File, IConfigurationSection? Section) ReadFile(string workingDirectory, string? named)
    {
        var path = Path.GetFullPath(named ?? DefaultFileName, workingDirectory);
        if (!File.Exists(path))
        {
            return named is null ? (path, null) : throw new ArgumentException($"{FileVariable} names {path}, which does not exist.");
        }
        try
        {
            // A stream rather than AddJsonFile: a file provider would watch the folder and skip dot-files.
            using var stream = File.OpenRead(path);
            return (path, new ConfigurationBuilder().AddJsonStream(stream).Build().GetSection(SectionName));
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            // The parser throws JSON syntax errors itself and wraps the others; the innermost says what is wrong.
            var reason = (e.InnerException ?? e).Message.ReplaceLineEndings(" ");
            throw new ArgumentException($"{path} is not valid JSON: {reason}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"could not read {path}: {e.Message}", e);
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
