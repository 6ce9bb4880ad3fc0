namespace Inertia.Storage;

/// <summary>Which database engine holds Inertia's data.</summary>
internal enum DatabaseEngine
{
    /// <summary>An embedded SQLite file: the default, for one small box.</summary>
    Sqlite,
    /// <summary>A PostgreSQL server, shared by several Inertia processes.</summary>
    Postgres,
}
