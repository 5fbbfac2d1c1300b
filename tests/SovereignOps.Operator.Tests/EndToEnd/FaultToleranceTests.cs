using SovereignOps.Sandbox.Faults;

namespace SovereignOps.Operator.Tests.EndToEnd;

/// <summary>
/// The examples under a hostile API server: a tenth of requests failing with 500 or 429, every
/// watch cut after 5 s, resumed watches sometimes expired (410, so informers list again), and a
/// 10 s outage as the operator starts. They must reach the same final state as without faults:
/// what the CLI renders, every resource settled.
/// </summary>
public sealed class FaultToleranceTests : IAsyncLifetime
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(180);
    private static readonly int[] InjectedCodes = [500, 429, 503];
    private OperatorCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await OperatorCluster.StartAsync(OperatorCluster.AllCountries);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task The_examples_converge_to_the_same_state_despite_failures_cut_watches_and_an_outage()
    {
        // The folders are applied before the faults start (kubectl does not retry); the operator
        // then starts into the outage, and every watch it opens is cut and sometimes expired.
        foreach (var country in OperatorCluster.AllCountries)
        {
            await _cluster.ApplyCountryAsync(country);
        }

        _cluster.Server.Faults.Configure(new FaultPlan
        {
            Seed = 7,
            FailureRate = 0.1,
            FailureCodes = [500, 429],
            RetryAfterSeconds = 1,
            WatchCutAfter = TimeSpan.FromSeconds(5),
            WatchExpireRate = 0.2,
            Outage = TimeSpan.FromSeconds(10),
        });
        var running = _cluster.StartOperator();
        await Eventually.TrueAsync(() => running.Metrics.InformerRelists.GetAllLabelValues().Any(), "an expired watch made an informer list again", TimeSpan.FromSeconds(90));

        var expected = await CliRender.ObjectsAsync(OperatorCluster.AllCountries);
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                var settled = await ClusterState.SettledAsync(_cluster, ExamplesFixture.TenantNamespaces);
                var managed = await ClusterState.ManagedObjectsAsync(_cluster);
                return (settled.Ok && managed.SetEquals(expected), $"{settled.Observed} missing: {string.Join(", ", expected.Except(managed))}; extra: {string.Join(", ", managed.Except(expected))}");
            }
            catch (Xunit.Sdk.XunitException failure)
            {
                // A read that still failed after the client's retries: look again.
                return (false, failure.Message);
            }
        }, "the examples converge under faults", Converge);

        var operatorFaults = InjectedCodes.ToDictionary(code => code, code => _cluster.Server.Metrics.Requests(userAgent: Runtime.Client.UserAgent.Product, code: code));
        Assert.True(operatorFaults.Values.All(n => n > 0), $"the operator did not meet every fault: {string.Join(", ", operatorFaults.Select(f => $"{f.Key}: {f.Value}"))}");
    }
}
