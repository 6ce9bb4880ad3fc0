using System.Globalization;
using System.Text.Json;
using Inertia.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Inertia.Tests.Cli;

/// <summary>
/// Settings from appsettings.json and the environment, as the real executable reads them: command-line option
/// over environment variable over appsettings over default.
/// </summary>
public sealed class ConfigurationTests : IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    private readonly string _folder = Directory.CreateTempSubdirectory("inertia-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Appsettings_in_the_working_folder_selects_the_database()
    {
        WriteSettings(_folder, """{ "Inertia": { "Data": "store", "Database": "chosen.db" } }""");

        var add = await InertiaProcess.RunInAsync(_folder, NoEnvironment, "user", "add", "ann");
        var stats = await InertiaProcess.RunInAsync(_folder, NoEnvironment, "stats", "--json");

        Assert.Equal(0, add.ExitCode);
        Assert.True(File.Exists(Path.Combine(_folder, "store", "chosen.db")));
        Assert.False(Directory.Exists(Path.Combine(_folder, "data")));
        Assert.Equal(1, Users(stats));
    }

    [Fact]
    public async Task Option_beats_environment_beats_appsettings_beats_default()
    {
        var project = Directory.CreateDirectory(Path.Combine(_folder, "project")).FullName;
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;
        WriteSettings(project, $$"""{ "Inertia": { "Database": "sqlite:{{Db("file")}}" } }""");
        var environment = new Dictionary<string, string> { ["INERTIA_DATABASE"] = "sqlite:" + Db("environment") };

        var fromFile = await InertiaProcess.RunInAsync(project, NoEnvironment, "user", "add", "a");
        var fromEnvironment = await InertiaProcess.RunInAsync(project, environment, "user", "add", "b");
        var fromOption = await InertiaProcess.RunInAsync(project, environment, "user", "add", "c", "--database", "sqlite:" + Db("option"));
        var byDefault = await InertiaProcess.RunInAsync(elsewhere, NoEnvironment, "user", "add", "d");
        var environmentOnly = await InertiaProcess.RunInAsync(elsewhere, environment, "user", "add", "e");

        Assert.All(new[] { fromFile, fromEnvironment, fromOption, byDefault, environmentOnly }, r => Assert.Equal(0, r.ExitCode));
        Assert.Equal(1, Users(await Stats(Db("file"))));
        Assert.Equal(2, Users(await Stats(Db("environment"))));
        Assert.Equal(1, Users(await Stats(Db("option"))));
        Assert.Equal(1, Users(await Stats(Path.Combine(elsewhere, "data", "inertia.db"))));
    }

    [Fact]
    public async Task Inertia_config_names_another_settings_file()
    {
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, "etc")).FullName, "inertia.json");
        await File.WriteAllTextAsync(file, $$"""{ "Inertia": { "Database": "sqlite:{{Db("named")}}" } }""");

        var add = await InertiaProcess.RunInAsync(_folder, new Dictionary<string, string> { ["INERTIA_CONFIG"] = file }, "user", "add", "ann");

        Assert.Equal(0, add.ExitCode);
        Assert.Equal(1, Users(await Stats(Db("named"))));
    }

    [Fact]
    public async Task Settings_that_cannot_be_read_are_one_clear_line()
    {
        var broken = Directory.CreateDirectory(Path.Combine(_folder, "broken")).FullName;
        WriteSettings(broken, "{ \"Inertia\": { \"Database\": \"x.db\", } ");
        var missing = Path.Combine(_folder, "missing.json");

        var malformed = await InertiaProcess.RunInAsync(broken, NoEnvironment, "stats");
        var notThere = await InertiaProcess.RunInAsync(_folder, new Dictionary<string, string> { ["INERTIA_CONFIG"] = missing }, "stats");
        var badDays = await InertiaProcess.RunInAsync(_folder, new Dictionary<string, string> { ["INERTIA_RETENTION_READ_DAYS"] = "soon" }, "stats");

        Assert.All(new[] { malformed, notThere, badDays }, r =>
        {
            Assert.Equal(1, r.ExitCode);
            Assert.Single(r.StandardError.TrimEnd('\n').Split('\n'));
            Assert.DoesNotContain("   at ", r.StandardError, StringComparison.Ordinal);
        });
        Assert.StartsWith($"inertia stats: {Path.Combine(broken, "appsettings.json")} is not valid JSON: ", malformed.StandardError, StringComparison.Ordinal);
        Assert.Equal($"inertia stats: INERTIA_CONFIG names {missing}, which does not exist.\n", notThere.StandardError);
        Assert.Equal("inertia stats: INERTIA_RETENTION_READ_DAYS must be a whole number, 1 or more, not \"soon\".\n", badDays.StandardError);
        Assert.False(File.Exists(Path.Combine(broken, "data", "inertia.db")));
    }

    [Fact]
    public async Task Retention_comes_from_appsettings_and_the_environment()
    {
        var old = DateTimeOffset.UtcNow.AddDays(-100);
        var version = 1;
        await using var server = await TestWebServer.StartAsync((app, _) => app.MapGet("/feed.xml", () => Results.Text(
            Volatile.Read(ref version) == 1
                ? Feed(("old-1", old), ("old-2", old), ("old-3", old))
                : Feed(("new", DateTimeOffset.UtcNow)),
            "application/rss+xml")));
        var settings = """{ "Inertia": { "Retention": { "UnreadDays": 30, "KeepPerFeed": 0 } } }""";

        var byDefault = await EntriesAfterTheOldOnesDropOut("default", null, NoEnvironment);
        var fromFile = await EntriesAfterTheOldOnesDropOut("file", settings, NoEnvironment);
        var environmentOverFile = await EntriesAfterTheOldOnesDropOut("override", settings, new Dictionary<string, string> { ["INERTIA_RETENTION_UNREAD_DAYS"] = "365" });
        var fromEnvironment = await EntriesAfterTheOldOnesDropOut("environment", null, new Dictionary<string, string>
        {
            ["INERTIA_RETENTION_READ_DAYS"] = "10",
            ["INERTIA_RETENTION_UNREAD_DAYS"] = "20",
            ["INERTIA_RETENTION_KEEP_PER_FEED"] = "0",
        });

        Assert.Equal(4, byDefault);
        Assert.Equal(1, fromFile);
        Assert.Equal(4, environmentOverFile);
        Assert.Equal(1, fromEnvironment);

        async Task<int> EntriesAfterTheOldOnesDropOut(string name, string? appsettings, Dictionary<string, string> environment)
        {
            var folder = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
            if (appsettings is not null)
            {
                WriteSettings(folder, appsettings);
            }
            Volatile.Write(ref version, 1);
            await InertiaProcess.RunInAsync(folder, environment, "user", "add", "ann");
            var subscribe = await InertiaProcess.RunInAsync(folder, environment, "subscribe", server.Url("/feed.xml").AbsoluteUri, "--user", "ann", "--allow-network", "127.0.0.1");
            Assert.Equal(0, subscribe.ExitCode);
            Volatile.Write(ref version, 2);
            var refresh = await InertiaProcess.RunInAsync(folder, environment, "refresh", "--all", "--allow-network", "127.0.0.1");
            Assert.Equal(0, refresh.ExitCode);
            using var stats = JsonDocument.Parse((await InertiaProcess.RunInAsync(folder, environment, "stats", "--json")).StandardOutput);
            return stats.RootElement.GetProperty("entries").GetInt32();
        }
    }

    private static string Feed(params (string Id, DateTimeOffset Published)[] items) =>
        "<rss version=\"2.0\"><channel><title>Aging</title><link>https://aging.example/</link>"
        + string.Concat(items.Select(i => $"<item><guid>{i.Id}</guid><title>{i.Id}</title><pubDate>{i.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate></item>"))
        + "</channel></rss>";

    private string Db(string name) => Path.Combine(_folder, name + ".db");

    private static void WriteSettings(string folder, string json) => File.WriteAllText(Path.Combine(folder, "appsettings.json"), json);

    private Task<InertiaProcess.Result> Stats(string databaseFile) =>
        InertiaProcess.RunInAsync(_folder, NoEnvironment, "stats", "--json", "--database", "sqlite:" + databaseFile);

    private static int Users(InertiaProcess.Result stats)
    {
        Assert.Equal(0, stats.ExitCode);
        using var json = JsonDocument.Parse(stats.StandardOutput);
        return json.RootElement.GetProperty("users").GetInt32();
    }
}
