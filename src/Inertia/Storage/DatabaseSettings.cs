using Microsoft.Data.Sqlite;
using Npgsql;

namespace Inertia.Storage;

/// <summary>
/// Where the data lives, from the data folder and the database setting (<c>--data</c> and <c>--database</c>, else
/// <see cref="Hosting.InertiaConfiguration"/>). Without a database setting, data is an SQLite file <c>inertia.db</c> in the data folder (default <c>./data</c>).
/// A database setting may be a PostgreSQL URL (<c>postgres://user:password@host:5432/name</c>), a Npgsql
/// connection string (<c>Host=…;Database=…</c>), <c>sqlite:PATH</c>, or a path to an SQLite file.
/// </summary>
internal sealed record DatabaseSettings(DatabaseEngine Engine, string ConnectionString)
{
    public const string DefaultDataFolder = "data";

    public static DatabaseSettings Resolve(string? dataFolder, string? database)
    {
        var folder = Path.GetFullPath(NonEmpty(dataFolder) ?? DefaultDataFolder);
        var setting = NonEmpty(database);
        if (setting is null)
        {
            return Sqlite(Path.Combine(folder, "inertia.db"));
        }
        if (setting.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || setting.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseSettings(DatabaseEngine.Postgres, FromPostgresUrl(new Uri(setting)));
        }
        if (setting.Contains("Host=", StringComparison.OrdinalIgnoreCase) || setting.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseSettings(DatabaseEngine.Postgres, new NpgsqlConnectionStringBuilder(setting).ConnectionString);
        }
        var path = setting.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? setting[7..] : setting;
        return Sqlite(Path.GetFullPath(path, folder));
    }

    /// <summary>A description for messages, without any password.</summary>
    public string Describe() => Engine == DatabaseEngine.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL {new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.Host}/{new NpgsqlConnectionStringBuilder(ConnectionString).Database}";

    private static DatabaseSettings Sqlite(string file) => new(
        DatabaseEngine.Sqlite,
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, DefaultTimeout = 30 }.ConnectionString);

    private static string FromPostgresUrl(Uri url)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port <= 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')) is { Length: > 0 } name ? name : "inertia",
        };
        if (url.UserInfo.Length > 0)
        {
            var parts = url.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0]).Replace('_', ' ')] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "true";
        }
        return builder.ConnectionString;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
