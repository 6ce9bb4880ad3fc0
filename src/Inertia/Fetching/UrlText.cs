namespace Inertia.Fetching;

/// <summary>URLs as shown in messages and logs: without the user name and password some feed URLs carry.</summary>
internal static class UrlText
{
    public static string Redact(Uri url) =>
        url.IsAbsoluteUri && url.UserInfo.Length > 0 ? new UriBuilder(url) { UserName = "", Password = "" }.Uri.AbsoluteUri : url.ToString();

    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Redact(uri) : url;
}
