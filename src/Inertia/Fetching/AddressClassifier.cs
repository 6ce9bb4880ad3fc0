using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Inertia.Fetching;

/// <summary>Sorts IP addresses into the <see cref="AddressCategory"/> that decides whether the server may connect to them.</summary>
internal static class AddressClassifier
{
    /// <summary>The category of <paramref name="address"/>; IPv6 forms that carry an IPv4 address are judged by that address.</summary>
    public static AddressCategory Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> v4 = stackalloc byte[4];
            address.TryWriteBytes(v4, out _);
            return ClassifyV4(BinaryPrimitives.ReadUInt32BigEndian(v4));
        }
        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);
        return ClassifyV6(v6);
    }

    /// <summary>The category in the words of a user-facing message, e.g. "loopback" or "carrier-grade NAT".</summary>
    public static string Describe(AddressCategory category) => category switch
    {
        AddressCategory.Public => "public",
        AddressCategory.Loopback => "loopback",
        AddressCategory.Private => "private",
        AddressCategory.LinkLocal => "link-local",
        AddressCategory.CarrierGradeNat => "carrier-grade NAT",
        AddressCategory.Multicast => "multicast",
        AddressCategory.Unspecified => "unspecified",
        AddressCategory.Broadcast => "broadcast",
        AddressCategory.Reserved => "reserved",
        AddressCategory.Documentation => "documentation",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    private static AddressCategory ClassifyV4(uint address)
    {
        if (address == 0)
        {
            return AddressCategory.Unspecified;
        }
        if (address == uint.MaxValue)
        {
            return AddressCategory.Broadcast;
        }
        if (In(address, 0x7F000000, 8))
        {
            return AddressCategory.Loopback;
        }
        if (In(address, 0x0A000000, 8) || In(address, 0xAC100000, 12) || In(address, 0xC0A80000, 16))
        {
            return AddressCategory.Private;
        }
        if (In(address, 0xA9FE0000, 16))
        {
            return AddressCategory.LinkLocal;
        }
        if (In(address, 0x64400000, 10))
        {
            return AddressCategory.CarrierGradeNat;
        }
        if (In(address, 0xE0000000, 4))
        {
            return AddressCategory.Multicast;
        }
        if (In(address, 0xC0000200, 24) || In(address, 0xC6336400, 24) || In(address, 0xCB007100, 24))
        {
            return AddressCategory.Documentation;
        }
        if (In(address, 0x00000000, 8) || In(address, 0xC0000000, 24) || In(address, 0xC6120000, 15) || In(address, 0xF0000000, 4))
        {
            return AddressCategory.Reserved;
        }
        return AddressCategory.Public;
    }

    private static AddressCategory ClassifyV6(ReadOnlySpan<byte> a)
    {
        // ::ffff:a.b.c.d is how a dual-stack socket spells an IPv4 peer: the IPv4 address is what is reached.
        if (a[..10].IndexOfAnyExcept((byte)0) < 0 && a[10] == 0xFF && a[11] == 0xFF)
        {
            return ClassifyV4(BinaryPrimitives.ReadUInt32BigEndian(a[12..]));
        }
        if (a[..15].IndexOfAnyExcept((byte)0) < 0)
        {
            return a[15] switch
            {
                0 => AddressCategory.Unspecified,
                1 => AddressCategory.Loopback,
                _ => AddressCategory.Reserved, // deprecated IPv4-compatible ::a.b.c.d
            };
        }
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) gateways forward to the IPv4 address inside, so that address decides.
        if (a[..12].SequenceEqual(Nat64Prefix))
        {
            return ClassifyV4(BinaryPrimitives.ReadUInt32BigEndian(a[12..]));
        }
        if (a[0] == 0x20 && a[1] == 0x02)
        {
            return ClassifyV4(BinaryPrimitives.ReadUInt32BigEndian(a[2..6]));
        }
        if (a[..6].SequenceEqual(LocalNat64Prefix))
        {
            return AddressCategory.Private;
        }
        if (a[0] == 0xFF)
        {
            return AddressCategory.Multicast;
        }
        if (a[0] == 0xFE && (a[1] & 0xC0) == 0x80)
        {
            return AddressCategory.LinkLocal;
        }
        if (a[0] == 0xFE && (a[1] & 0xC0) == 0xC0)
        {
            return AddressCategory.Reserved;
        }
        if ((a[0] & 0xFE) == 0xFC)
        {
            return AddressCategory.Private;
        }
        if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0D && a[3] == 0xB8)
        {
            return AddressCategory.Documentation;
        }
        return (a[0] & 0xE0) == 0x20 ? AddressCategory.Public : AddressCategory.Reserved;
    }

    private static ReadOnlySpan<byte> Nat64Prefix => [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0];

    private static ReadOnlySpan<byte> LocalNat64Prefix => [0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01];

    private static bool In(uint address, uint network, int prefixLength) =>
        address >> (32 - prefixLength) == network >> (32 - prefixLength);
}
