using Inertia.Storage.Public;

namespace Inertia.Catalog;

/// <summary>
/// Loads the shipped catalog into the database when the web app starts, once per database: the load is
/// recorded under the catalog's name in the same transaction, so processes starting together load it once,
/// and sources an administrator removed do not come back on the next start.
/// </summary>
internal sealed partial class CatalogSeeding(DirectoryStore directory, TimeProvider time, ILogger<CatalogSeeding> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var added = await directory.SeedAsync(ShippedCatalog.Name, ShippedCatalog.Read(), time.GetUtcNow(), cancellationToken);
        if (added > 0)
        {
            Loaded(log, added);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} recommended feeds into the directory.")]
    private static partial void Loaded(ILogger logger, int count);
}
