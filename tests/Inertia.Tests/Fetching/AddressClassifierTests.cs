using System.Net;
using Inertia.Fetching;

namespace Inertia.Tests.Fetching;

/// <summary>The address guard's ranges, one address at each edge that matters.</summary>
public sealed class AddressClassifierTests
{
    [Theory]
    [InlineData("127.0.0.1", "Loopback")]
    [InlineData("127.255.255.254", "Loopback")]
    [InlineData("::1", "Loopback")]
    [InlineData("10.0.0.1", "Private")]
    [InlineData("10.255.255.255", "Private")]
    [InlineData("172.16.0.1", "Private")]
    [InlineData("172.31.255.255", "Private")]
    [InlineData("192.168.1.1", "Private")]
    [InlineData("fc00::1", "Private")]
    [InlineData("fd12:3456:789a::1", "Private")]
    [InlineData("64:ff9b:1::a00:1", "Private")]
    [InlineData("169.254.169.254", "LinkLocal")]
    [InlineData("169.254.0.1", "LinkLocal")]
    [InlineData("fe80::1", "LinkLocal")]
    [InlineData("febf::1", "LinkLocal")]
    [InlineData("100.64.0.1", "CarrierGradeNat")]
    [InlineData("100.127.255.255", "CarrierGradeNat")]
    [InlineData("224.0.0.1", "Multicast")]
    [InlineData("239.255.255.250", "Multicast")]
    [InlineData("ff02::1", "Multicast")]
    [InlineData("0.0.0.0", "Unspecified")]
    [InlineData("::", "Unspecified")]
    [InlineData("255.255.255.255", "Broadcast")]
    [InlineData("0.1.2.3", "Reserved")]
    [InlineData("192.0.0.8", "Reserved")]
    [InlineData("198.18.0.1", "Reserved")]
    [InlineData("198.19.255.255", "Reserved")]
    [InlineData("240.0.0.1", "Reserved")]
    [InlineData("255.255.255.254", "Reserved")]
    [InlineData("fec0::1", "Reserved")]
    [InlineData("::7f00:1", "Reserved")]
    [InlineData("100::1", "Reserved")]
    [InlineData("4000::1", "Reserved")]
    [InlineData("192.0.2.1", "Documentation")]
    [InlineData("198.51.100.7", "Documentation")]
    [InlineData("203.0.113.255", "Documentation")]
    [InlineData("2001:db8::1", "Documentation")]
    public void Non_public_ranges_are_recognized(string address, string category)
    {
        Assert.Equal(category, AddressClassifier.Classify(IPAddress.Parse(address)).ToString());
    }

    [Theory]
    [InlineData("::ffff:127.0.0.1", "Loopback")]
    [InlineData("::ffff:10.1.2.3", "Private")]
    [InlineData("::ffff:169.254.169.254", "LinkLocal")]
    [InlineData("::ffff:8.8.8.8", "Public")]
    public void An_IPv4_mapped_IPv6_address_is_judged_as_its_IPv4_address(string address, string category)
    {
        Assert.Equal(category, AddressClassifier.Classify(IPAddress.Parse(address)).ToString());
    }

    [Theory]
    [InlineData("64:ff9b::7f00:1", "Loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "LinkLocal")]
    [InlineData("64:ff9b::c0a8:101", "Private")]
    [InlineData("64:ff9b::808:808", "Public")]
    [InlineData("2002:7f00:1::1", "Loopback")]
    [InlineData("2002:a00:1::", "Private")]
    [InlineData("2002:a9fe:a9fe::1", "LinkLocal")]
    [InlineData("2002:808:808::1", "Public")]
    public void NAT64_and_6to4_addresses_are_judged_by_the_IPv4_address_they_embed(string address, string category)
    {
        Assert.Equal(category, AddressClassifier.Classify(IPAddress.Parse(address)).ToString());
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("104.16.132.229")]
    [InlineData("9.255.255.255")]
    [InlineData("11.0.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("192.0.1.255")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.0")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700::1111")]
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("2001:4860:4860::8888")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.Equal("Public", AddressClassifier.Classify(IPAddress.Parse(address)).ToString());
    }

    [Theory]
    [InlineData("Loopback", "loopback")]
    [InlineData("CarrierGradeNat", "carrier-grade NAT")]
    [InlineData("LinkLocal", "link-local")]
    public void Categories_are_described_in_plain_words(string category, string words)
    {
        Assert.Equal(words, AddressClassifier.Describe(Enum.Parse<AddressCategory>(category)));
    }
}
