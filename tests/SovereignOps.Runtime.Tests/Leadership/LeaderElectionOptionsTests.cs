using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Leadership;

namespace SovereignOps.Runtime.Tests.Leadership;

public sealed class LeaderElectionOptionsTests
{
    [Fact]
    public void Defaults_follow_the_usual_lease_timings()
    {
        var options = new LeaderElectionOptions { LeaseNamespace = "sovereignops-system", LeaseName = "sovereignops-operator" };

        Assert.Equal((15, 10, 2), ((int)options.LeaseDuration.TotalSeconds, (int)options.RenewDeadline.TotalSeconds, (int)options.RetryPeriod.TotalSeconds));
        Assert.False(string.IsNullOrEmpty(options.Identity));
    }

    [Fact]
    public void A_renew_deadline_as_long_as_the_lease_is_refused()
    {
        var options = new LeaderElectionOptions
        {
            LeaseNamespace = "ns",
            LeaseName = "lease",
            LeaseDuration = TimeSpan.FromSeconds(10),
            RenewDeadline = TimeSpan.FromSeconds(10),
        };
        using var api = new KubeApi(new ApiTransport(new HttpClient(), new Uri("http://127.0.0.1:1")));

        var error = Assert.Throws<ArgumentException>(() => new LeaderElector(api, options));
        Assert.Contains("renew deadline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retry_period_as_long_as_the_renew_deadline_is_refused()
    {
        var options = new LeaderElectionOptions
        {
            LeaseNamespace = "ns",
            LeaseName = "lease",
            RetryPeriod = TimeSpan.FromSeconds(10),
        };
        using var api = new KubeApi(new ApiTransport(new HttpClient(), new Uri("http://127.0.0.1:1")));

        Assert.Throws<ArgumentException>(() => new LeaderElector(api, options));
    }
}
