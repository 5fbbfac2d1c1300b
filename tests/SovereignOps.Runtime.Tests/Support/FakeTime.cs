using Microsoft.Extensions.Time.Testing;

namespace SovereignOps.Runtime.Tests.Support;

internal static class FakeTime
{
    public static FakeTimeProvider Create() => new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Moves fake time forward in small steps until the task completes, so its timers fire in order.</summary>
    public static async Task<T> DriveAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan? step = null, TimeSpan? limit = null)
    {
        var advanced = TimeSpan.Zero;
        var stride = step ?? TimeSpan.FromMilliseconds(50);
        var max = limit ?? TimeSpan.FromMinutes(10);
        while (!task.IsCompleted)
        {
            if (advanced >= max)
            {
                throw new TimeoutException($"the task did not complete within {max} of fake time");
            }

            await Task.Delay(1);
            time.Advance(stride);
            advanced += stride;
        }

        return await task;
    }
}
