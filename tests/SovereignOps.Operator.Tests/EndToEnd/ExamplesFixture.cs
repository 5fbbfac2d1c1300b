namespace SovereignOps.Operator.Tests.EndToEnd;

/// <summary>The three example countries applied with kubectl to a fresh sandbox, reconciled by one operator.</summary>
public sealed class ExamplesFixture : IAsyncLifetime
{
    public static readonly string[] TenantNamespaces = ["th-national-ai", "sa-sovereign-ai", "kr-public-ai"];

    internal OperatorCluster Cluster { get; private set; } = null!;

    internal RunningOperator Operator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await OperatorCluster.StartAsync(OperatorCluster.AllCountries);
        Operator = Cluster.StartOperator();
        foreach (var country in OperatorCluster.AllCountries)
        {
            await Cluster.ApplyCountryAsync(country);
        }
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
