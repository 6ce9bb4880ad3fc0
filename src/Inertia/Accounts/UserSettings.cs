namespace Inertia.Accounts;

/// <summary>How a user likes to read. Every setting has a default that suits a new user.</summary>
internal sealed record UserSettings
{
    public const int MinEntriesPerPage = 10;
    public const int MaxEntriesPerPage = 200;

    /// <summary>The interface language ("en" or "zh-CN"); null follows the browser's Accept-Language.</summary>
    public string? Language { get; init; }

    public Theme Theme { get; init; } = Theme.System;

    public int EntriesPerPage { get; init; } = 50;

    /// <summary>Lists show the oldest entries first (otherwise the newest).</summary>
    public bool OldestFirst { get; init; }

    public MarkReadOn MarkReadOn { get; init; } = MarkReadOn.Open;

    /// <summary>Read entries stay in the lists of a feed, a folder and Today (the Unread view never shows them).</summary>
    public bool ShowRead { get; init; } = true;

    /// <summary>An IANA time zone name: dates are shown in it, and "Today" starts at its midnight.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>The user's time zone, or UTC when the stored name is unknown to this machine.</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}

/// <summary>The colour scheme.</summary>
internal enum Theme
{
    /// <summary>Follows the operating system's light or dark preference.</summary>
    System,
    Light,
    Dark,
}

/// <summary>When an entry counts as read.</summary>
internal enum MarkReadOn
{
    /// <summary>When it is opened.</summary>
    Open,
    /// <summary>When it is scrolled past in a list (and when it is opened).</summary>
    Scroll,
    /// <summary>Only when the user says so.</summary>
    Manual,
}
