namespace SovereignOps.Runtime.Tests.Support;

internal static class Eventually
{
    /// <summary>Waits until the condition holds; fails with the description after the timeout.</summary>
    public static async Task TrueAsync(Func<bool> condition, string description, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting until {description}");
            }

            await Task.Delay(10);
        }
    }
}
