namespace SovereignOps.Operator.Tests.EndToEnd;

internal static class Eventually
{
    /// <summary>Polls until the condition holds; fails with the description and the last observation after the timeout.</summary>
    public static async Task TrueAsync(Func<Task<(bool Ok, string Observed)>> condition, string description, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var observed = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            bool ok;
            (ok, observed) = await condition();
            if (ok)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"timed out after {timeout.TotalSeconds:0} s waiting until {description}; last seen: {observed}");
    }

    public static Task TrueAsync(Func<bool> condition, string description, TimeSpan timeout) =>
        TrueAsync(() => Task.FromResult((condition(), string.Empty)), description, timeout);
}
