using System.Xml.Linq;
using Dapper;
using Inertia.Storage;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Inertia.Web.Security;

/// <summary>
/// Keeps the Data Protection keys (which encrypt session cookies and anti-forgery tokens) in Inertia's own
/// database, so that sessions survive restarts and every process sharing a PostgreSQL database can read the
/// cookies the others issued.
/// </summary>
internal sealed class DataProtectionKeys(Database database) : IConfigureOptions<KeyManagementOptions>, IXmlRepository
{
    public void Configure(KeyManagementOptions options) => options.XmlRepository = this;

    public IReadOnlyCollection<XElement> GetAllElements() =>
        database.ReadAsync(async c => (await c.QueryAsync<string>("SELECT xml FROM data_protection_keys ORDER BY name")).Select(XElement.Parse).ToList())
            .GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            "INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO UPDATE SET xml = excluded.xml",
            new { name = friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) }, transaction)).GetAwaiter().GetResult();
}
