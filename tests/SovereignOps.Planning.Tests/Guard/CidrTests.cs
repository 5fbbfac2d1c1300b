using SovereignOps.Planning.Guard;

namespace SovereignOps.Planning.Tests.Guard;

public sealed class CidrTests
{
    [Theory]
    [InlineData("10.20.0.0/16", "10.20.1.0/24", true)]
    [InlineData("10.20.0.0/16", "10.20.0.0/16", true)]
    [InlineData("10.20.0.0/16", "10.21.0.0/24", false)]
    [InlineData("10.20.0.0/16", "10.0.0.0/8", false)]
    [InlineData("10.20.0.0/16", "0.0.0.0/0", false)]
    [InlineData("10.20.0.0/15", "10.21.7.0/24", true)]
    [InlineData("10.20.0.0/16", "10.20.9.9/32", true)]
    [InlineData("2001:db8::/32", "2001:db8:1::/48", true)]
    [InlineData("2001:db8::/32", "10.20.1.0/24", false)]
    public void Containment_is_decided_bit_by_bit(string outer, string inner, bool contained)
    {
        Assert.Equal(contained, Cidr.TryParse(outer)!.Contains(Cidr.TryParse(inner)!));
    }

    [Theory]
    [InlineData("10.20.0.0")]
    [InlineData("10.20.0.0/33")]
    [InlineData("not-an-address/8")]
    [InlineData("10.20.0.0/-1")]
    public void Malformed_blocks_are_not_parsed(string text) => Assert.Null(Cidr.TryParse(text));
}
