using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime.Status;

namespace SovereignOps.Runtime.Tests.Status;

public sealed class ConditionsTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-01-01T10:00:00.750Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset T1 = T0.AddMinutes(5);

    [Fact]
    public void A_new_condition_is_added_with_the_time_truncated_to_seconds()
    {
        List<Condition> conditions = [];

        Assert.True(Conditions.Set(conditions, "Ready", ConditionStatus.Unknown, "Reconciling", "first visit", 1, T0));

        var ready = Assert.Single(conditions);
        Assert.Equal(("Ready", "Unknown", "Reconciling", "first visit", 1L), (ready.Type, ready.Status, ready.Reason, ready.Message, ready.ObservedGeneration!.Value));
        Assert.Equal(new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc), ready.LastTransitionTime);
    }

    [Fact]
    public void Setting_the_same_values_again_changes_nothing()
    {
        List<Condition> conditions = [];
        Conditions.Set(conditions, "Ready", ConditionStatus.True, "Available", "serving", 2, T0);

        Assert.False(Conditions.Set(conditions, "Ready", ConditionStatus.True, "Available", "serving", 2, T1));
        Assert.Equal(T0.UtcDateTime.AddMilliseconds(-750), conditions[0].LastTransitionTime);
    }

    [Fact]
    public void A_new_reason_keeps_the_transition_time_while_the_status_holds()
    {
        List<Condition> conditions = [];
        Conditions.Set(conditions, "Ready", ConditionStatus.False, "Pending", "waiting for pods", 2, T0);

        Assert.True(Conditions.Set(conditions, "Ready", ConditionStatus.False, "InsufficientGpuCapacity", "needs 4 GPUs, pool has 2 free", 3, T1));

        var ready = Assert.Single(conditions);
        Assert.Equal(("InsufficientGpuCapacity", 3L), (ready.Reason, ready.ObservedGeneration!.Value));
        Assert.Equal(T0.UtcDateTime.AddMilliseconds(-750), ready.LastTransitionTime);
    }

    [Fact]
    public void A_status_flip_moves_the_transition_time()
    {
        List<Condition> conditions = [];
        Conditions.Set(conditions, "Ready", ConditionStatus.False, "Pending", "waiting", 2, T0);

        Assert.True(Conditions.Set(conditions, "Ready", ConditionStatus.True, "Available", "serving", 2, T1));

        Assert.Equal(T1.UtcDateTime.AddMilliseconds(-750), conditions[0].LastTransitionTime);
        Assert.True(Conditions.IsTrue(conditions, "Ready"));
    }

    [Fact]
    public void Conditions_are_keyed_by_type()
    {
        List<Condition> conditions = [];
        Conditions.Set(conditions, "Ready", ConditionStatus.True, "Available", "", 1, T0);
        Conditions.Set(conditions, "ResidencyCompliant", ConditionStatus.True, "AllInCountry", "", 1, T0);
        Conditions.Set(conditions, "Ready", ConditionStatus.False, "Degraded", "", 1, T1);

        Assert.Equal(["Ready", "ResidencyCompliant"], conditions.Select(c => c.Type));
        Assert.True(Conditions.Remove(conditions, "ResidencyCompliant"));
        Assert.False(Conditions.Remove(conditions, "ResidencyCompliant"));
        Assert.Equal("Degraded", Assert.Single(conditions).Reason);
    }

    [Fact]
    public void An_invalid_status_is_refused() =>
        Assert.Throws<ArgumentException>(() => Conditions.Set([], "Ready", "Yes", "Reason", "", 1, T0));
}
