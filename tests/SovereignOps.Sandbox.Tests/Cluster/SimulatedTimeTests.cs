using k8s;
using Microsoft.Extensions.Time.Testing;
using SovereignOps.Sandbox.Cluster;

namespace SovereignOps.Sandbox.Tests.Cluster;

/// <summary>The cluster's delays follow SandboxOptions.Clock: with a fake clock a 30 s start delay passes when the test says so.</summary>
public sealed class SimulatedTimeTests
{
    [Fact]
    public async Task Start_delay_and_run_duration_pass_on_the_sandbox_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await SandboxServer.StartAsync(new SandboxOptions
        {
            Clock = clock,
            NodeFiles = [SimulatedNodes.WriteTemp(SimulatedNodes.SixNodes())],
            Cluster = new ClusterOptions { PodRunDuration = TimeSpan.FromMinutes(10) },
        });
        using var client = server.CreateClient();
        var job = Pods.Make("job").Annotate("sandbox.sovereignops.io/start-delay", "30s").Annotate("sandbox.sovereignops.io/run-duration", "1m");
        job.Spec.RestartPolicy = "Never";
        await client.CoreV1.CreateNamespacedPodAsync(job, "default");

        var started = await Pods.WaitAsync(client, "default", "job", p => p.Status.Phase == "Running", "starts");
        clock.Advance(TimeSpan.FromSeconds(29));

        // Only the fake clock can make the pod ready, so this short real pause cannot make the check flaky; it gives
        // a delay that wrongly followed the wall clock the chance to show.
        await Task.Delay(300);
        var stillStarting = await client.CoreV1.ReadNamespacedPodAsync("job", "default");
        clock.Advance(TimeSpan.FromSeconds(2));
        var ready = await Pods.WaitAsync(client, "default", "job", Pods.IsReady, "is ready 30 s after it started");
        clock.Advance(TimeSpan.FromSeconds(60));
        var done = await Pods.WaitAsync(client, "default", "job", p => p.Status.Phase == "Succeeded", "finishes a minute after it was ready");

        Assert.False(Pods.IsReady(started));
        Assert.False(Pods.IsReady(stillStarting));
        var readyAfter = Pods.Condition(ready, "Ready")!.LastTransitionTime!.Value - started.Status.StartTime!.Value;
        Assert.InRange(readyAfter, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(32));
        Assert.Equal("Completed", done.Status.ContainerStatuses.Single().State.Terminated.Reason);
    }
}
