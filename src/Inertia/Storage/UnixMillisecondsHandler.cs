using System.Data;
using Dapper;

namespace Inertia.Storage;

/// <summary>Stores <see cref="DateTimeOffset"/> as Unix milliseconds (UTC), the time type both engines share.</summary>
internal sealed class UnixMillisecondsHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.Int64;
        parameter.Value = value.ToUnixTimeMilliseconds();
    }

    public override DateTimeOffset Parse(object value) => DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Registers the mapping once per process, with snake_case columns matching PascalCase members.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            DefaultTypeMap.MatchNamesWithUnderscores = true;
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
            SqlMapper.AddTypeHandler(new UnixMillisecondsHandler());
        }
    }

    private static int _registered;
}
