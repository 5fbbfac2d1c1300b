namespace SovereignOps.Operator.Tests.EndToEnd;

/// <summary>Thailand and Korea on a sandbox of their own, for tests that change, break and delete things.</summary>
public sealed class LifecycleFixture : IAsyncLifetime
{
    public static readonly string[] Countries = ["thailand", "korea"];

    internal OperatorCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await OperatorCluster.StartAsync(Countries);
        Cluster.StartOperator();
        foreach (var country in Countries)
        {
            await Cluster.ApplyCountryAsync(country);
        }
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
