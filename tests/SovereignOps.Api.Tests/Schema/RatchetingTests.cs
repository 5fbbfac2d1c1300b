using SovereignOps.Api.Schema;
using static SovereignOps.Api.Tests.Schema.SchemaTestHelpers;

namespace SovereignOps.Api.Tests.Schema;

/// <summary>On update, errors in values that did not change are ignored, as the API server ratchets them.</summary>
public class RatchetingTests
{
    private const string Tightened = """
        {"type":"object","properties":{"spec":{"type":"object","properties":{
          "name":{"type":"string","maxLength":3},
          "size":{"type":"integer","x-kubernetes-validations":[{"rule":"self <= 10","message":"at most 10"}]},
          "pools":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
            "items":{"type":"object","properties":{"name":{"type":"string"},"gpus":{"type":"integer","maximum":8}}}}}}}}
        """;

    [Fact]
    public void Unchanged_invalid_values_are_ratcheted_and_changed_ones_are_not()
    {
        const string old = """{"spec":{"name":"legacy","size":50,"pools":[{"name":"a","gpus":16},{"name":"b","gpus":16}]}}""";
        const string updated = """{"spec":{"name":"legacy","size":50,"pools":[{"name":"b","gpus":32},{"name":"a","gpus":16}]}}""";

        Assert.Equal(["spec.pools[0].gpus: Invalid value: 32: spec.pools[0].gpus in body should be less than or equal to 8"], Errors(Tightened, updated, old));
    }

    [Fact]
    public void On_create_and_without_ratcheting_every_error_is_reported()
    {
        const string value = """{"spec":{"name":"legacy","size":50}}""";

        Assert.Equal(2, Errors(Tightened, value).Count);
        Assert.Equal(2, Errors(Tightened, value, value, SchemaValidationOptions.Default with { Ratcheting = false }).Count);
        Assert.Empty(Errors(Tightened, value, value));
    }
}
