namespace Inertia.Fetching;

/// <summary>What kind of network an IP address belongs to, as far as fetching is concerned.</summary>
internal enum AddressCategory
{
    /// <summary>A globally routable address: the only kind fetched without an allow-list entry.</summary>
    Public,
    /// <summary>127.0.0.0/8 and ::1.</summary>
    Loopback,
    /// <summary>RFC 1918 (10/8, 172.16/12, 192.168/16), IPv6 unique local (fc00::/7) and local-use NAT64 (64:ff9b:1::/48).</summary>
    Private,
    /// <summary>169.254.0.0/16 and fe80::/10, where cloud metadata services live.</summary>
    LinkLocal,
    /// <summary>100.64.0.0/10, the shared address space of carrier-grade NAT.</summary>
    CarrierGradeNat,
    /// <summary>224.0.0.0/4 and ff00::/8.</summary>
    Multicast,
    /// <summary>0.0.0.0 and ::, which reach the local host on most systems.</summary>
    Unspecified,
    /// <summary>255.255.255.255.</summary>
    Broadcast,
    /// <summary>
    /// Special-purpose ranges that are not the public internet: 0/8, 192.0.0/24, 198.18/15, 240/4, IPv6 site-local
    /// (fec0::/10) and IPv6 outside global unicast (2000::/3).
    /// </summary>
    Reserved,
    /// <summary>The documentation ranges 192.0.2/24, 198.51.100/24, 203.0.113/24 and 2001:db8::/32.</summary>
    Documentation,
}
