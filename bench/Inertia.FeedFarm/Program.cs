using System.Globalization;
using System.Text;
using Inertia.FeedFarm;

// A farm of feeds on loopback for Inertia's benchmarks (bench/refresh-bench, bench/reader-bench):
//   Inertia.FeedFarm --feeds N --port P [--items K] [--folders F]
// Feed i is served at http://127.1.H1.H2:P/feeds/i.xml, ten feeds per host, so that Inertia's per-host
// limit applies as it would on the web. GET /opml lists them (in F folders, feed i in folder i % F, when
// --folders is given); POST /round/{r} changes the round. --items gives every feed exactly K items.
var feeds = int.Parse(Option("--feeds") ?? "1000", CultureInfo.InvariantCulture);
var port = int.Parse(Option("--port") ?? "8700", CultureInfo.InvariantCulture);
int? items = Option("--items") is { } itemsOption ? int.Parse(itemsOption, CultureInfo.InvariantCulture) : null;
var folders = int.Parse(Option("--folders") ?? "0", CultureInfo.InvariantCulture);
var farm = new FarmFeeds(feeds, new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero), items);
// Every feed is made before the farm listens, so that serving costs the benchmark as little CPU as a real server's cache would.
farm.Prepare();

// The empty builder reads no appsettings files, so nothing watches the working folder: a watcher there
// would be woken by every page Inertia writes to a database under it, and bill the benchmark for it.
var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
builder.WebHost.UseKestrelCore();
builder.Services.AddRoutingCore();
// Every 127.x.y.z address is this machine; listening on all of them lets each host name be its own address.
builder.WebHost.UseUrls($"http://0.0.0.0:{port}");
var app = builder.Build();

app.MapGet("/feeds/{id:int}.xml", (int id, HttpContext context) =>
{
    if (id < 0 || id >= farm.Count)
    {
        return Results.NotFound();
    }
    var (body, etag) = farm.Get(id);
    if (FarmFeeds.SupportsConditionalGet(id))
    {
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            return Results.StatusCode(304);
        }
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = farm.LastModified(id).ToString("R", CultureInfo.InvariantCulture);
    }
    return Results.Bytes(body, "application/rss+xml; charset=utf-8");
});
app.MapGet("/opml", () =>
{
    var opml = new StringBuilder("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>Farm</title></head><body>\n");
    for (var folder = 0; folder < Math.Max(folders, 1); folder++)
    {
        if (folders > 0)
        {
            opml.Append(CultureInfo.InvariantCulture, $"<outline text=\"Folder {folder}\">\n");
        }
        for (var i = folder; i < farm.Count; i += Math.Max(folders, 1))
        {
            opml.Append(CultureInfo.InvariantCulture, $"<outline type=\"rss\" text=\"Farm feed {i}\" xmlUrl=\"http://{Host(i)}:{port}/feeds/{i}.xml\"/>\n");
        }
        if (folders > 0)
        {
            opml.Append("</outline>\n");
        }
    }
    return Results.Text(opml.Append("</body></opml>").ToString(), "text/x-opml");
});
app.MapPost("/round/{round:int}", (int round) =>
{
    farm.Round = round;
    return Results.Text($"round {round}");
});
app.Run();

static string Host(int feed)
{
    var host = feed / 10;
    return $"127.1.{host / 250}.{(host % 250) + 1}";
}

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
