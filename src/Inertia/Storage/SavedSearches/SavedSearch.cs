namespace Inertia.Storage.SavedSearches;

/// <summary>A reader's saved search: a name and a query in the search language.</summary>
internal sealed record SavedSearch(long Id, long UserId, string Name, string Query);
