using Inertia.FeedsOut;

namespace Inertia.Web.Pages.Settings;

/// <summary>One list's feed addresses; <see cref="Folder"/> is null for the starred list.</summary>
internal sealed record PrivateFeedList(string? Folder, IReadOnlyList<(OutFormat Format, string Url)> Addresses);
