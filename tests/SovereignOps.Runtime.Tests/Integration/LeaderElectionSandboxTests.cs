using SovereignOps.Runtime.Leadership;
using SovereignOps.Runtime.Tests.Support;
using SovereignOps.Sandbox.Faults;

namespace SovereignOps.Runtime.Tests.Integration;

public sealed class LeaderElectionSandboxTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task One_instance_leads_and_a_standby_takes_over_fast_after_a_graceful_release()
    {
        using var api = sandbox.NewApi();
        var ns = await sandbox.NewNamespaceAsync(api);
        var first = new LeaderElector(api, Options(ns, "first"));
        var second = new LeaderElector(api, Options(ns, "second"));
        using var stopFirst = new CancellationTokenSource();
        using var stopSecond = new CancellationTokenSource();
        var bothLeading = 0;

        var runFirst = first.RunAsync(ct => Task.Delay(Timeout.Infinite, ct), stopFirst.Token);
        await Eventually.TrueAsync(() => first.IsLeader, "the first instance leads");
        var runSecond = second.RunAsync(ct => Task.Delay(Timeout.Infinite, ct), stopSecond.Token);
        for (var i = 0; i < 20; i++)
        {
            bothLeading += first.IsLeader && second.IsLeader ? 1 : 0;
            await Task.Delay(100);
        }

        Assert.True(first.IsLeader);
        Assert.False(second.IsLeader);
        Assert.Equal("first", second.ObservedLeader);

        var released = DateTime.UtcNow;
        await stopFirst.CancelAsync();
        await runFirst;
        await Eventually.TrueAsync(() => second.IsLeader, "the standby takes over");

        // The lease lasts 4 s; a released lease is taken at the standby's next attempt instead.
        Assert.True(DateTime.UtcNow - released < TimeSpan.FromSeconds(3), $"takeover took {DateTime.UtcNow - released}");
        Assert.Equal(0, bothLeading);
        await stopSecond.CancelAsync();
        await runSecond;
    }

    [Fact]
    public async Task A_leader_that_cannot_renew_gives_up_and_cancels_its_work()
    {
        using var api = sandbox.NewApi();
        var ns = await sandbox.NewNamespaceAsync(api);
        var elector = new LeaderElector(api, Options(ns, "only"));
        using var stop = new CancellationTokenSource();
        var canceled = new TaskCompletionSource();
        var run = elector.RunAsync(async ct =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                canceled.TrySetResult();
            }
        }, stop.Token);
        await Eventually.TrueAsync(() => elector.IsLeader, "the instance leads");

        sandbox.Server.Faults.Configure(new FaultPlan { Outage = TimeSpan.FromSeconds(6) });
        try
        {
            await canceled.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.False(stop.IsCancellationRequested);
        }
        finally
        {
            sandbox.Server.Faults.Clear();
        }

        await Eventually.TrueAsync(() => elector.IsLeader, "the instance wins the lease back once the API answers again", TimeSpan.FromSeconds(15));
        await stop.CancelAsync();
        await run;
    }

    private static LeaderElectionOptions Options(string ns, string identity) => new()
    {
        LeaseNamespace = ns,
        LeaseName = "sovereignops-operator",
        Identity = identity,
        LeaseDuration = TimeSpan.FromSeconds(4),
        RenewDeadline = TimeSpan.FromSeconds(2),
        RetryPeriod = TimeSpan.FromMilliseconds(300),
    };
}
