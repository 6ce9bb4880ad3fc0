namespace Inertia.Web.Reading;

/// <summary>The sidebar with the list being shown highlighted.</summary>
internal sealed record SidebarView(Sidebar Sidebar, ListRef? Active);
