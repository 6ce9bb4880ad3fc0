using Inertia.Storage.SavedSearches;

namespace Inertia.Web.Reading;

/// <summary>A saved search in the sidebar: how many unread entries match, when that is known ("1000+" when <see cref="Many"/>).</summary>
internal sealed record SidebarSearch(SavedSearch Saved, long? Unread, bool Many);
