using System.Data.Common;
using Dapper;

namespace Inertia.Storage;

/// <summary>
/// Reads rows with a hand-written mapping, for the few queries every page runs (the sidebar's subscriptions,
/// a page of entries). Dapper's general mapping converts every SQLite value through object and
/// <see cref="Convert"/>; on a sidebar of 500 feeds that was a third of a page's time.
/// </summary>
internal static class RowReader
{
    public static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, object parameters, Func<DbDataReader, T> map)
    {
        await using var reader = await connection.ExecuteReaderAsync(sql, parameters);
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset Time(this DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
}
