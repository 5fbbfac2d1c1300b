using System.Text.Json.Nodes;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime.Status;

namespace SovereignOps.Runtime.Tests.Status;

public sealed class StatusPatchTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-01-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void An_unchanged_status_needs_no_write()
    {
        var live = Status(1, ("Ready", ConditionStatus.True, "Available"));
        var desired = Status(1, ("Ready", ConditionStatus.True, "Available"));

        Assert.Null(StatusWriter.PatchFor(live, desired));
    }

    [Fact]
    public void A_changed_status_is_sent_as_the_difference_under_status()
    {
        var live = Status(1, ("Ready", ConditionStatus.Unknown, "Reconciling"));
        var desired = Status(2, ("Ready", ConditionStatus.True, "Available"));

        var patch = StatusWriter.PatchFor(live, desired);

        Assert.NotNull(patch);
        Assert.Equal(2, patch["status"]!["observedGeneration"]!.GetValue<long>());
        Assert.Equal("True", patch["status"]!["conditions"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void A_first_status_is_written_whole()
    {
        var patch = StatusWriter.PatchFor(null, Status(1, ("Ready", ConditionStatus.Unknown, "Reconciling")));

        Assert.Equal(1, patch!["status"]!["observedGeneration"]!.GetValue<long>());
    }

    [Fact]
    public void Merge_patch_nulls_members_that_disappeared_and_diffs_nested_objects()
    {
        var from = JsonNode.Parse("""{"a":1,"b":{"c":1,"d":2},"e":[1,2],"gone":"x"}""");
        var to = JsonNode.Parse("""{"a":1,"b":{"c":1,"d":3},"e":[1,2,3],"new":true}""");

        Assert.True(JsonMergePatch.TryDiff(from, to, out var patch));
        Assert.Equal("""{"b":{"d":3},"e":[1,2,3],"new":true,"gone":null}""", patch!.ToJsonString());
        Assert.False(JsonMergePatch.TryDiff(to, JsonNode.Parse(to!.ToJsonString()), out _));
    }

    private static GpuPoolStatus Status(long generation, params (string Type, string Status, string Reason)[] conditions)
    {
        var status = new GpuPoolStatus { ObservedGeneration = generation };
        foreach (var (type, value, reason) in conditions)
        {
            Conditions.Set(status.Conditions, type, value, reason, "", generation, T0);
        }

        return status;
    }
}
