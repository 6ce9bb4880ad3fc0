using System.Net;
using Inertia.Fetching;
using Inertia.Hosting;

namespace Inertia.Tests.Fetching;

/// <summary>Reading the allow-list from <c>--allow-network</c> and <c>INERTIA_ALLOW_NETWORKS</c>.</summary>
public sealed class NetworkAllowListTests : IDisposable
{
    // A folder without a settings file, so that only the environment a test gives counts.
    private readonly string _folder = Directory.CreateTempSubdirectory("inertia-allow-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Func<string, string?> WithAllowNetworks(string value) =>
        name => name == NetworkAllowList.EnvironmentVariable ? value : null;

    [Fact]
    public void A_CIDR_allows_the_addresses_inside_it_only()
    {
        var list = NetworkAllowList.Parse(["192.168.1.0/24"]);

        Assert.True(list.AllowsAddress(IPAddress.Parse("192.168.1.0")));
        Assert.True(list.AllowsAddress(IPAddress.Parse("192.168.1.255")));
        Assert.False(list.AllowsAddress(IPAddress.Parse("192.168.2.1")));
        Assert.False(list.AllowsAddress(IPAddress.Parse("10.0.0.1")));
    }

    [Fact]
    public void An_IPv6_CIDR_allows_IPv6_addresses()
    {
        var list = NetworkAllowList.Parse(["::1/128", "fd00::/8"]);

        Assert.True(list.AllowsAddress(IPAddress.IPv6Loopback));
        Assert.True(list.AllowsAddress(IPAddress.Parse("fd12::7")));
        Assert.False(list.AllowsAddress(IPAddress.Parse("fe80::1")));
        Assert.False(list.AllowsAddress(IPAddress.Loopback));
    }

    [Fact]
    public void A_bare_address_allows_exactly_that_address()
    {
        var list = NetworkAllowList.Parse(["10.0.0.5"]);

        Assert.True(list.AllowsAddress(IPAddress.Parse("10.0.0.5")));
        Assert.False(list.AllowsAddress(IPAddress.Parse("10.0.0.6")));
        Assert.Equal("10.0.0.5/32", list.Networks[0].ToString());
    }

    [Fact]
    public void A_CIDR_written_with_host_bits_means_its_network()
    {
        var list = NetworkAllowList.Parse(["192.168.1.77/24"]);

        Assert.Equal("192.168.1.0/24", list.Networks[0].ToString());
        Assert.True(list.AllowsAddress(IPAddress.Parse("192.168.1.3")));
    }

    [Fact]
    public void An_IPv4_mapped_address_is_allowed_by_its_IPv4_network()
    {
        var list = NetworkAllowList.Parse(["127.0.0.0/8"]);

        Assert.True(list.AllowsAddress(IPAddress.Parse("::ffff:127.0.0.1")));
    }

    [Fact]
    public void A_host_name_is_matched_exactly_and_case_insensitively()
    {
        var list = NetworkAllowList.Parse(["NAS.local"]);

        Assert.True(list.AllowsHost("nas.local"));
        Assert.True(list.AllowsHost("Nas.Local"));
        Assert.True(list.AllowsHost("nas.local."));
        Assert.False(list.AllowsHost("www.nas.local"));
        Assert.False(list.AllowsHost("nas.local.evil.example"));
        Assert.False(list.AllowsAddress(IPAddress.Parse("192.168.1.1")));
    }

    [Fact]
    public void Blank_entries_are_ignored_and_an_empty_list_allows_nothing()
    {
        var list = NetworkAllowList.Parse(["", "  "]);

        Assert.True(list.IsEmpty);
        Assert.False(list.AllowsAddress(IPAddress.Loopback));
        Assert.False(list.AllowsHost("localhost"));
    }

    [Theory]
    [InlineData("not a host")]
    [InlineData("10.0.0.0/33")]
    [InlineData("::1/129")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/abc")]
    [InlineData("300.1.1.1")]
    [InlineData("10.1")]
    [InlineData("1234")]
    [InlineData("http://nas.local/")]
    [InlineData("*.example.com")]
    public void A_bad_entry_is_a_clear_error_naming_it(string entry)
    {
        var error = Assert.Throws<ArgumentException>(() => NetworkAllowList.Parse(["127.0.0.0/8", entry]));

        Assert.Equal(
            $"'{entry}' is not a network, an IP address or a host name. Write a network as a CIDR such as 192.168.1.0/24 or ::1/128, " +
            "an address such as 10.0.0.5, or a host name such as nas.local.",
            error.Message);
    }

    [Fact]
    public void The_command_line_and_the_environment_variable_are_combined()
    {
        var configured = InertiaConfiguration.Load(_folder, WithAllowNetworks(" nas.local, 192.168.1.0/24 ,,")).AllowNetworks;
        var list = FetchOptions.FromConfiguration(["127.0.0.0/8"], configured).AllowList;

        Assert.True(list.AllowsAddress(IPAddress.Parse("127.0.0.1")));
        Assert.True(list.AllowsAddress(IPAddress.Parse("192.168.1.20")));
        Assert.True(list.AllowsHost("nas.local"));
        Assert.Equal(2, list.Networks.Count);
    }

    [Fact]
    public void A_bad_environment_entry_names_the_variable()
    {
        var error = Assert.Throws<ArgumentException>(() => InertiaConfiguration.Load(_folder, WithAllowNetworks("10.0.0.0/8;192.168.0.0/16")));

        Assert.StartsWith("INERTIA_ALLOW_NETWORKS: '10.0.0.0/8;192.168.0.0/16' is not a network", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_command_line_entry_names_the_option()
    {
        var error = Assert.Throws<ArgumentException>(() => FetchOptions.FromConfiguration(["oops!"], NetworkAllowList.Empty));

        Assert.StartsWith("--allow-network: 'oops!' is not a network", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_from_configuration_keep_the_default_limits()
    {
        var options = FetchOptions.FromConfiguration(["::1"], NetworkAllowList.Parse(["127.0.0.1"]));

        Assert.True(options.AllowList.AllowsAddress(IPAddress.IPv6Loopback));
        Assert.True(options.AllowList.AllowsAddress(IPAddress.Loopback));
        Assert.Equal(20 * 1024 * 1024, options.MaxBodyBytes);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.TotalTimeout);
        Assert.Equal(5, options.MaxRedirects);
    }

    [Fact]
    public void By_default_nothing_is_allowed()
    {
        Assert.True(FetchOptions.Default.AllowList.IsEmpty);
    }
}
