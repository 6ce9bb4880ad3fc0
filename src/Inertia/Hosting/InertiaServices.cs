using Inertia.FeedsOut;
using Inertia.Fetching;
using Inertia.Icons;
using Inertia.Importing;
using Inertia.Refresh;
using Inertia.Rules;
using Inertia.Search;
using Inertia.Storage;
using Inertia.Storage.Accounts;
using Inertia.Storage.Entries;
using Inertia.Storage.Feeds;
using Inertia.Storage.Importing;
using Inertia.Storage.Labels;
using Inertia.Storage.Public;
using Inertia.Storage.Rules;
using Inertia.Storage.SavedSearches;
using Inertia.Storage.Subscriptions;
using Inertia.Storage.Sync;
using Inertia.Subscriptions;

namespace Inertia.Hosting;

/// <summary>The services every command and the web server share, around one open database and one HTTP client.</summary>
internal static class InertiaServices
{
    public static IServiceCollection AddInertia(this IServiceCollection services, Database database, FetchOptions fetchOptions, RefreshOptions? refreshOptions = null, RetentionPolicy? retention = null)
    {
        refreshOptions ??= new RefreshOptions();
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        // A factory, not an instance, so that the container disposes the client (and its connections) at the end.
        services.AddSingleton(_ => new HttpFetcher(fetchOptions));
        services.AddSingleton(refreshOptions);
        services.AddSingleton(refreshOptions.Policy);
        services.AddSingleton(retention ?? new RetentionPolicy());
        services.AddSingleton<UserStore>();
        services.AddSingleton<FeedStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<RefreshStore>();
        services.AddSingleton<RetentionStore>();
        services.AddSingleton<StatsStore>();
        services.AddSingleton<EntryStore>();
        services.AddSingleton<FolderStore>();
        services.AddSingleton<IconStore>();
        services.AddSingleton<ApiCredentialStore>();
        services.AddSingleton<SyncStore>();
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton<PublicFeedStore>();
        services.AddSingleton<ShareStore>();
        services.AddSingleton<FeedRefresher>();
        services.AddSingleton<RefreshRunner>();
        services.AddSingleton(provider => new FeedDiscovery(provider.GetRequiredService<HttpFetcher>()));
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<ApiTokenStore>();
        services.AddSingleton<SubscribedFeedStore>();
        services.AddSingleton<EntryFilterStore>();
        services.AddSingleton<SearchStore>();
        services.AddSingleton<LabelStore>();
        services.AddSingleton<SavedSearchStore>();
        services.AddSingleton<RuleStore>();
        services.AddSingleton<RuleRunner>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton(provider => new IconFinder(provider.GetRequiredService<HttpFetcher>()));
        services.AddSingleton<IconRefresher>();
        services.AddSingleton<ImportStore>();
        services.AddSingleton<OpmlSubscriber>();
        services.AddSingleton<FeedTokenStore>();
        services.AddSingleton<OutEntryStore>();
        services.AddSingleton<PrivateFeeds>();
        services.AddSingleton<DirectoryOutFeed>();
        return services;
    }
}
