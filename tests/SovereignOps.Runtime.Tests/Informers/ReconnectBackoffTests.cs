using SovereignOps.Runtime.Informers;

namespace SovereignOps.Runtime.Tests.Informers;

public sealed class ReconnectBackoffTests
{
    private static readonly ReconnectBackoff Backoff = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 0.999, 999.5)]
    [InlineData(2, 0.0, 1000)]
    [InlineData(4, 0.5, 6000)]
    [InlineData(6, 0.0, 15000)]
    [InlineData(60, 0.999, 29985)]
    public void Delay_doubles_per_failure_within_a_jitter_window_and_is_capped(int failures, double random, double expectedMs) =>
        Assert.Equal(expectedMs, Backoff.Delay(failures, random).TotalMilliseconds, precision: 3);
}
