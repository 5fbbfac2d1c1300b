using k8s.Models;

namespace SovereignOps.Operator.Tests.EndToEnd;

/// <summary>Two operator instances on one Lease: the standby never writes, and takes over when the leader stops.</summary>
public sealed class LeaderElectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(120);
    private OperatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await OperatorCluster.StartAsync(["korea"]);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Only_the_leader_writes_and_the_standby_takes_over_within_20_seconds()
    {
        var first = _cluster.StartOperator(leaderElect: true, identity: "operator-a");
        await Eventually.TrueAsync(() => first.IsLeader, "the first instance leads", TimeSpan.FromSeconds(30));
        var second = _cluster.StartOperator(leaderElect: true, identity: "operator-b");
        await Eventually.TrueAsync(() => second.Host.Manager.IsReady, "the standby's caches are synced", TimeSpan.FromSeconds(30));

        await _cluster.ApplyCountryAsync("korea");
        await Eventually.TrueAsync(() => ClusterState.SettledAsync(_cluster, ["kr-public-ai"]), "Korea has settled", Converge);
        Assert.True(first.Writes() > 0, "the leader wrote nothing");
        Assert.Equal(0, second.Writes());
        Assert.False(second.IsLeader);

        var stopped = DateTime.UtcNow;
        await first.StopAsync();
        await Eventually.TrueAsync(() => second.IsLeader, "the standby takes the lease", TimeSpan.FromSeconds(20));
        Assert.True(DateTime.UtcNow - stopped < TimeSpan.FromSeconds(20));

        // The new leader reconciles: a child deleted by hand comes back.
        var deployment = (await _cluster.GetAsync<V1Deployment>("kr-public-ai", "hangul-llm"))!;
        await _cluster.Kubectl.SucceedAsync("-n", "kr-public-ai", "delete", "deployment", "hangul-llm", "--wait=false");
        await Eventually.TrueAsync(async () =>
        {
            var restored = await _cluster.GetAsync<V1Deployment>("kr-public-ai", "hangul-llm");
            return (restored is not null && restored.Metadata.Uid != deployment.Metadata.Uid, $"uid {restored?.Metadata.Uid}");
        }, "the new leader restores the deleted Deployment", Converge);
        Assert.True(second.Writes() > 0, "the new leader wrote nothing");
    }
}
