using System.Net;
using SovereignOps.Api.Validation;

namespace SovereignOps.Api.Tests.Validation;

public sealed class CidrBlockTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.20.0.0/16", true)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", true)]
    [InlineData("10.20.0.0/16", "10.0.0.0/8", false)]
    [InlineData("10.20.0.0/16", "10.21.0.0/24", false)]
    [InlineData("10.1.2.3/8", "10.200.0.0/16", true)]
    [InlineData("0.0.0.0/0", "192.0.2.1/32", true)]
    [InlineData("2001:db8::/32", "2001:db8:1::/48", true)]
    [InlineData("2001:db8::/32", "10.0.0.0/8", false)]
    public void Containment_follows_the_prefix(string outer, string inner, bool contained)
    {
        Assert.True(CidrBlock.TryParse(outer, out var outerBlock));
        Assert.True(CidrBlock.TryParse(inner, out var innerBlock));

        Assert.Equal(contained, outerBlock.Contains(innerBlock));
    }

    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("/8")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("not-an-ip/8")]
    [InlineData(null)]
    public void Malformed_blocks_do_not_parse(string? text) => Assert.False(CidrBlock.TryParse(text, out _));

    [Fact]
    public void Host_bits_are_dropped_and_addresses_are_matched()
    {
        Assert.True(CidrBlock.TryParse("203.0.113.77/24", out var block));

        Assert.Equal("203.0.113.0/24", block.ToString());
        Assert.True(block.Contains(IPAddress.Parse("203.0.113.9")));
        Assert.False(block.Contains(IPAddress.Parse("203.0.114.9")));
    }
}
