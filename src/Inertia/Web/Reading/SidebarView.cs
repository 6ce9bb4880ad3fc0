namespace Inertia.Web.Reading;

/// <summary>The sidebar with the list (or saved search) being shown highlighted.</summary>
internal sealed record SidebarView(Sidebar Sidebar, ListRef? Active, long? ActiveSearch = null);
