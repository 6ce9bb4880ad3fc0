using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Inertia.Fetching;

/// <summary>
/// The networks and host names the server may fetch from although the address guard would refuse them
/// (a NAS on the LAN, a feed generator on localhost). Entries are a CIDR (<c>192.168.1.0/24</c>, <c>::1/128</c>),
/// a bare address (<c>10.0.0.5</c>) or a host name matched exactly and case-insensitively (<c>nas.local</c>).
/// </summary>
internal sealed class NetworkAllowList
{
    /// <summary>The environment variable that holds comma-separated entries.</summary>
    public const string EnvironmentVariable = "INERTIA_ALLOW_NETWORKS";

    /// <summary>The command-line option that adds one entry; it may be repeated.</summary>
    public const string CommandLineOption = "--allow-network";

    private readonly IPNetwork[] _networks;
    private readonly HashSet<string> _hostNames;

    private NetworkAllowList(IPNetwork[] networks, HashSet<string> hostNames)
    {
        _networks = networks;
        _hostNames = hostNames;
    }

    /// <summary>Allows nothing beyond public addresses: the default.</summary>
    public static NetworkAllowList Empty { get; } = new([], new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    /// <summary>The allowed networks, bare addresses included as /32 or /128.</summary>
    public IReadOnlyList<IPNetwork> Networks => _networks;

    /// <summary>The allowed host names, lower-cased.</summary>
    public IReadOnlyCollection<string> HostNames => _hostNames;

    /// <summary>Whether the list allows nothing.</summary>
    public bool IsEmpty => _networks.Length == 0 && _hostNames.Count == 0;

    /// <summary>Reads allow-list entries; blank entries are ignored.</summary>
    /// <exception cref="ArgumentException">An entry is neither a CIDR, an IP address nor a host name; the message names it.</exception>
    public static NetworkAllowList Parse(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var networks = new List<IPNetwork>();
        var hostNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in entries)
        {
            var entry = raw?.Trim() ?? "";
            if (entry.Length == 0)
            {
                continue;
            }
            if (TryParseNetwork(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IsHostName(entry))
            {
                hostNames.Add(entry.TrimEnd('.').ToLowerInvariant());
            }
            else
            {
                throw new ArgumentException(
                    $"'{entry}' is not a network, an IP address or a host name. Write a network as a CIDR such as " +
                    "192.168.1.0/24 or ::1/128, an address such as 10.0.0.5, or a host name such as nas.local.");
            }
        }
        return networks.Count == 0 && hostNames.Count == 0 ? Empty : new NetworkAllowList([.. networks], hostNames);
    }

    /// <summary>Reads allow-list entries given by <paramref name="source"/>, which an error names (an option, a variable, a file).</summary>
    /// <exception cref="ArgumentException">An entry is not valid; the message starts with <paramref name="source"/>.</exception>
    public static NetworkAllowList Parse(IEnumerable<string> entries, string source)
    {
        try
        {
            return Parse(entries);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{source}: {e.Message}", e);
        }
    }

    /// <summary>What this list or <paramref name="other"/> allows.</summary>
    public NetworkAllowList Union(NetworkAllowList other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsEmpty || IsEmpty)
        {
            return IsEmpty ? other : this;
        }
        var hostNames = new HashSet<string>(_hostNames, StringComparer.OrdinalIgnoreCase);
        hostNames.UnionWith(other._hostNames);
        return new NetworkAllowList([.. _networks, .. other._networks], hostNames);
    }

    /// <summary>Whether connections made for <paramref name="host"/> skip the address check.</summary>
    public bool AllowsHost(string host) => _hostNames.Count > 0 && _hostNames.Contains(host.TrimEnd('.'));

    /// <summary>Whether <paramref name="address"/> lies in an allowed network (an IPv4-mapped IPv6 address counts as its IPv4 address).</summary>
    public bool AllowsAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The entries, as they would be written on the command line.</summary>
    public override string ToString() => string.Join(", ", _networks.Select(n => n.ToString()).Concat(_hostNames));

    private static bool TryParseNetwork(string entry, out IPNetwork network)
    {
        network = default;
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? entry : entry[..slash];
        if (!LooksLikeAddress(addressText) || !IPAddress.TryParse(addressText, out var address) || (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0))
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6 && slash < 0)
        {
            address = address.MapToIPv4();
        }
        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = maxPrefix;
        if (slash >= 0 && (!int.TryParse(entry.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > maxPrefix))
        {
            return false;
        }
        network = new IPNetwork(ClearHostBits(address, prefix), prefix);
        return true;
    }

    // IPAddress.TryParse also takes "10", "10.1" and "0x7f.1"; an allow-list entry is only read as an
    // address when it is written the way people write addresses, so a typo cannot open an unexpected network.
    private static bool LooksLikeAddress(string text) =>
        text.Contains(':', StringComparison.Ordinal) || (text.Count(c => c == '.') == 3 && text.All(c => char.IsAsciiDigit(c) || c == '.'));

    // "192.168.1.7/24" means the network that address is in; IPNetwork insists on a clean network address.
    private static IPAddress ClearHostBits(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }
        return new IPAddress(bytes);
    }

    private static bool IsHostName(string entry) =>
        !entry.All(c => char.IsAsciiDigit(c) || c == '.') && Uri.CheckHostName(entry.TrimEnd('.')) == UriHostNameType.Dns;
}
