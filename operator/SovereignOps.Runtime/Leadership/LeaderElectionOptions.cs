namespace SovereignOps.Runtime.Leadership;

/// <summary>Where the leader lease lives, who this instance is, and the timings of the election.</summary>
public sealed record LeaderElectionOptions
{
    public required string LeaseNamespace { get; init; }

    public required string LeaseName { get; init; }

    /// <summary>Unique per instance; see <see cref="DefaultIdentity"/>.</summary>
    public string Identity { get; init; } = DefaultIdentity();

    /// <summary>How long standbys wait after the last renewal they saw before taking over.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives leadership up. Shorter than the lease duration.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause between two acquire or renew attempts.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The pod name in a cluster (POD_NAME from the downward API), otherwise host and process id.</summary>
    public static string DefaultIdentity() =>
        Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod
            ? pod
            : $"{Environment.MachineName}_{Environment.ProcessId}";

    internal void Validate()
    {
        if (RenewDeadline >= LeaseDuration)
        {
            throw new ArgumentException($"the renew deadline ({RenewDeadline}) must be shorter than the lease duration ({LeaseDuration})");
        }

        if (RetryPeriod >= RenewDeadline)
        {
            throw new ArgumentException($"the retry period ({RetryPeriod}) must be shorter than the renew deadline ({RenewDeadline})");
        }
    }
}
