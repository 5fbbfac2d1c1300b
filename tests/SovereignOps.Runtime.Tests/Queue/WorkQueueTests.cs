using Microsoft.Extensions.Time.Testing;
using SovereignOps.Runtime.Metrics;
using SovereignOps.Runtime.Queue;
using SovereignOps.Runtime.Tests.Support;

namespace SovereignOps.Runtime.Tests.Queue;

public sealed class WorkQueueTests
{
    private static readonly ResourceKey A = new("tenant-th", "llm-a");
    private static readonly ResourceKey B = new("tenant-th", "llm-b");

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));

    [Fact]
    public async Task A_key_added_many_times_is_queued_once()
    {
        using var queue = NewQueue();

        queue.Add(A);
        queue.Add(A);
        queue.Add(A);

        Assert.Equal(1, queue.Depth);
        Assert.Equal(A, await queue.TakeAsync(CancellationToken.None));
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task A_key_added_while_processing_waits_until_done()
    {
        using var queue = NewQueue();
        queue.Add(A);
        var taken = await queue.TakeAsync(CancellationToken.None);

        queue.Add(A);
        queue.Add(B);

        Assert.Equal(A, taken);
        Assert.Equal(B, await queue.TakeAsync(CancellationToken.None));
        Assert.Equal(0, queue.Depth);

        queue.Done(A);

        Assert.Equal(1, queue.Depth);
        Assert.Equal(A, await queue.TakeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_workers_never_process_one_key_twice_at_once()
    {
        using var queue = new WorkQueue("stress", new WorkQueueOptions(), TimeProvider.System);
        var keys = Enumerable.Range(0, 5).Select(i => ResourceKey.Cluster($"key-{i}")).ToArray();
        var inFlight = new int[keys.Length];
        var overlaps = 0;
        var processed = 0;

        async Task Worker()
        {
            while (await queue.TakeAsync(CancellationToken.None) is { } key)
            {
                var index = Array.IndexOf(keys, key);
                if (Interlocked.Increment(ref inFlight[index]) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                await Task.Yield();
                Interlocked.Increment(ref processed);
                Interlocked.Decrement(ref inFlight[index]);
                queue.Done(key);
            }
        }

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(Worker)).ToArray();
        for (var round = 0; round < 2000; round++)
        {
            queue.Add(keys[round % keys.Length]);
            if (round % 50 == 0)
            {
                await Task.Yield();
            }
        }

        // Shutting down drops keys still queued, so let the workers empty the queue first.
        await Eventually.TrueAsync(() => queue.Depth == 0 && Volatile.Read(ref processed) >= keys.Length, "the queue is empty and every key was processed");
        await queue.ShutDownAndDrainAsync(CancellationToken.None);
        await Task.WhenAll(workers);

        Assert.Equal(0, overlaps);
    }

    [Fact]
    public void Retry_delay_doubles_per_failure_up_to_the_cap_and_resets_on_forget()
    {
        using var queue = NewQueue(new WorkQueueOptions
        {
            BaseRetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(40),
            RetryBurst = 1000,
        });

        var delays = Enumerable.Range(0, 6).Select(_ => queue.AddRateLimited(A).TotalMilliseconds).ToArray();

        Assert.Equal([5, 10, 20, 40, 40, 40], delays);
        Assert.Equal(6, queue.Failures(A));
        Assert.Equal(5, queue.AddRateLimited(B).TotalMilliseconds);

        queue.Forget(A);

        Assert.Equal(0, queue.Failures(A));
        Assert.Equal(5, queue.AddRateLimited(A).TotalMilliseconds);
    }

    [Fact]
    public void The_overall_rate_limit_spreads_retries_once_the_burst_is_spent()
    {
        using var queue = NewQueue(new WorkQueueOptions
        {
            BaseRetryDelay = TimeSpan.FromMilliseconds(1),
            RetriesPerSecond = 2,
            RetryBurst = 2,
        });

        var delays = Enumerable.Range(0, 4)
            .Select(i => queue.AddRateLimited(ResourceKey.Cluster($"key-{i}")))
            .ToArray();

        Assert.Equal(TimeSpan.FromMilliseconds(1), delays[0]);
        Assert.Equal(TimeSpan.FromMilliseconds(1), delays[1]);
        Assert.Equal(TimeSpan.FromMilliseconds(500), delays[2]);
        Assert.Equal(TimeSpan.FromMilliseconds(1000), delays[3]);

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromMilliseconds(2), queue.AddRateLimited(ResourceKey.Cluster("key-0")));
    }

    [Fact]
    public async Task AddAfter_queues_the_key_when_its_delay_has_passed()
    {
        using var queue = NewQueue();

        queue.AddAfter(A, TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, queue.Depth);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, queue.Depth);
        Assert.Equal(A, await queue.TakeAsync(CancellationToken.None));
    }

    [Fact]
    public void Of_two_delays_for_one_key_the_earlier_wins_and_the_key_is_queued_once()
    {
        using var queue = NewQueue();

        queue.AddAfter(A, TimeSpan.FromSeconds(10));
        queue.AddAfter(A, TimeSpan.FromSeconds(2));
        queue.AddAfter(A, TimeSpan.FromSeconds(5));
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(1, queue.Depth);

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public async Task Shut_down_queue_ignores_adds_and_releases_waiting_workers()
    {
        using var queue = NewQueue();
        queue.Add(A);
        queue.AddAfter(B, TimeSpan.FromSeconds(1));
        var waiting = queue.TakeAsync(CancellationToken.None).AsTask();
        Assert.Equal(A, await waiting);
        var blocked = queue.TakeAsync(CancellationToken.None).AsTask();

        queue.ShutDown();
        queue.Add(B);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Null(await blocked);
        Assert.Null(await queue.TakeAsync(CancellationToken.None));
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task Drain_waits_for_keys_in_flight()
    {
        using var queue = NewQueue();
        queue.Add(A);
        var key = await queue.TakeAsync(CancellationToken.None);

        var drained = queue.ShutDownAndDrainAsync(CancellationToken.None);
        await Task.Delay(20);
        Assert.False(drained.IsCompleted);

        queue.Done(key!.Value);
        await drained;
    }

    [Fact]
    public async Task Depth_is_exported_as_a_metric()
    {
        var metrics = new RuntimeMetrics();
        using var queue = new WorkQueue("ModelDeployment", new WorkQueueOptions(), _time, metrics);

        queue.Add(A);
        queue.Add(B);

        Assert.Contains("sovereignops_workqueue_depth{queue=\"ModelDeployment\"} 2", await metrics.ExportAsync());
    }

    private WorkQueue NewQueue(WorkQueueOptions? options = null) =>
        new("test", options ?? new WorkQueueOptions(), _time);
}
