using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SovereignOps.Runtime.Apply;

namespace SovereignOps.Runtime.Tests.Apply;

public sealed class CanonicalJsonTests
{
    private const string Document = """
        {"spec":{"z":1,"a":[{"y":null,"b":"<tag> & 'quote' \"dq\""},2.50,true],"m":{"é":"ü","E":"\u2028"}},
         "apiVersion":"v1","metadata":{"labels":{"b":"2","a":"1"},"annotations":{}}}
        """;

    [Fact]
    public void Orders_members_ordinally_at_every_depth_and_keeps_arrays_in_order()
    {
        Assert.Equal(
            """{"apiVersion":"v1","metadata":{"annotations":{},"labels":{"a":"1","b":"2"}},"spec":{"a":[{"b":"\u003Ctag\u003E \u0026 \u0027quote\u0027 \u0022dq\u0022","y":null},2.50,true],"m":{"E":"\u2028","\u00E9":"\u00FC"},"z":1}}""",
            Encoding.UTF8.GetString(Api.Schema.CanonicalJson.Utf8(JsonNode.Parse(Document)).Span));
    }

    [Fact]
    public void The_digest_is_unchanged_from_the_sorted_copy_it_replaced_so_live_objects_keep_matching()
    {
        // Digests are stored on every applied child; a different digest for the same body would re-apply the fleet once.
        var sortedCopy = Sorted(JsonNode.Parse(Document))!.ToJsonString();
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sortedCopy)))[..16];

        Assert.Equal(expected, CanonicalJson.Digest(JsonNode.Parse(Document)!));
    }

    [Fact]
    public void Member_order_does_not_change_the_digest_but_values_do()
    {
        var a = CanonicalJson.Digest(JsonNode.Parse("""{"a":1,"b":{"c":2,"d":3}}""")!);
        Assert.Equal(a, CanonicalJson.Digest(JsonNode.Parse("""{"b":{"d":3,"c":2},"a":1}""")!));
        Assert.NotEqual(a, CanonicalJson.Digest(JsonNode.Parse("""{"b":{"d":3,"c":2},"a":2}""")!));
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
