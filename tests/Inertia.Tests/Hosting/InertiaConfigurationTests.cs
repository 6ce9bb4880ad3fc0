using System.Net;
using Inertia.Hosting;
using Inertia.Storage.Entries;

namespace Inertia.Tests.Hosting;

/// <summary>Reading the settings file and the environment into one <see cref="InertiaConfiguration"/>.</summary>
public sealed class InertiaConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inertia-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Without_a_file_or_variables_everything_is_default()
    {
        var configuration = Load();

        Assert.Null(configuration.Database);
        Assert.Null(configuration.Data);
        Assert.True(configuration.AllowNetworks.IsEmpty);
        Assert.Equal(new RetentionPolicy(), configuration.Retention);
    }

    [Fact]
    public void The_file_gives_every_setting()
    {
        Write("""
            {
              "Logging": { "LogLevel": { "Default": "Warning" } },
              "Inertia": {
                "Database": "postgres://u:p@db.example/inertia",
                "Data": "/srv/inertia",
                "AllowNetworks": [ "192.168.1.0/24", "nas.local" ],
                "Retention": { "ReadDays": 30, "UnreadDays": "90", "KeepPerFeed": 0 }
              }
            }
            """);

        var configuration = Load();

        Assert.Equal("postgres://u:p@db.example/inertia", configuration.Database);
        Assert.Equal("/srv/inertia", configuration.Data);
        Assert.True(configuration.AllowNetworks.AllowsAddress(IPAddress.Parse("192.168.1.7")));
        Assert.True(configuration.AllowNetworks.AllowsHost("nas.local"));
        Assert.Equal(new RetentionPolicy { ReadEntries = TimeSpan.FromDays(30), UnreadEntries = TimeSpan.FromDays(90), KeepPerFeed = 0 }, configuration.Retention);
    }

    [Fact]
    public void Each_variable_replaces_its_own_setting_only()
    {
        Write("""{ "Inertia": { "Database": "file.db", "Data": "file-data", "AllowNetworks": ["10.0.0.0/8"], "Retention": { "ReadDays": 30, "KeepPerFeed": 7 } } }""");

        var configuration = Load(new()
        {
            ["INERTIA_DATABASE"] = "environment.db",
            ["INERTIA_ALLOW_NETWORKS"] = "127.0.0.1",
            ["INERTIA_RETENTION_KEEP_PER_FEED"] = "9",
        });

        Assert.Equal("environment.db", configuration.Database);
        Assert.Equal("file-data", configuration.Data);
        Assert.True(configuration.AllowNetworks.AllowsAddress(IPAddress.Loopback));
        Assert.False(configuration.AllowNetworks.AllowsAddress(IPAddress.Parse("10.1.2.3")));
        Assert.Equal(new RetentionPolicy { ReadEntries = TimeSpan.FromDays(30), KeepPerFeed = 9 }, configuration.Retention);
    }

    [Theory]
    [InlineData("""{ "Inertia": { "AllowNetworks": ["not a network"] } }""", "Inertia:AllowNetworks in {file}: 'not a network' is not a network")]
    [InlineData("""{ "Inertia": { "Retention": { "ReadDays": 0 } } }""", "Inertia:Retention:ReadDays in {file} must be a whole number, 1 or more, not \"0\".")]
    [InlineData("""{ "Inertia": { "Retention": { "KeepPerFeed": -1 } } }""", "Inertia:Retention:KeepPerFeed in {file} must be a whole number, 0 or more, not \"-1\".")]
    [InlineData("""[1, 2]""", "{file} is not valid JSON: ")]
    [InlineData("""{ "Inertia": """, "{file} is not valid JSON: ")]
    public void A_setting_that_cannot_be_read_names_where_it_came_from(string json, string expected)
    {
        var file = Write(json);

        var error = Assert.Throws<ArgumentException>(() => Load());

        Assert.StartsWith(expected.Replace("{file}", file, StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private string Write(string json)
    {
        var file = Path.Combine(_folder, InertiaConfiguration.DefaultFileName);
        File.WriteAllText(file, json);
        return file;
    }

    private InertiaConfiguration Load(Dictionary<string, string>? environment = null) =>
        InertiaConfiguration.Load(_folder, name => environment?.GetValueOrDefault(name));
}
