namespace SovereignOps.Rendering.Values;

/// <summary>
/// Where the weights come from. Only the members of the chosen <see cref="Source"/> matter; use the
/// factory methods, which fill exactly those.
/// </summary>
public sealed record WeightsValues
{
    public required WeightsSource Source { get; init; }

    /// <summary>Directory inside the weights volume that holds the model; empty for its root.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>In-country location of the weights (uri source).</summary>
    public string Uri { get; init; } = string.Empty;

    /// <summary>Expected digest of the weights, checked by the fetcher (uri source).</summary>
    public string Digest { get; init; } = string.Empty;

    /// <summary>The init container that fills the cache (uri source).</summary>
    public WeightsFetcherValues? Fetcher { get; init; }

    /// <summary>The cache claim (uri source).</summary>
    public WeightsCacheValues? Cache { get; init; }

    /// <summary>Existing claim holding the weights (pvc source).</summary>
    public string ClaimName { get; init; } = string.Empty;

    /// <summary>OCI artifact holding the weights (oci source).</summary>
    public ImageValues? Image { get; init; }

    public static WeightsValues FromUri(string uri, string digest, WeightsFetcherValues fetcher, WeightsCacheValues cache, string path = "") =>
        new() { Source = WeightsSource.Uri, Uri = uri, Digest = digest, Fetcher = fetcher, Cache = cache, Path = path };

    public static WeightsValues FromClaim(string claimName, string path = "") =>
        new() { Source = WeightsSource.Pvc, ClaimName = claimName, Path = path };

    public static WeightsValues FromOciArtifact(ImageValues image, string path = "") =>
        new() { Source = WeightsSource.Oci, Image = image, Path = path };
}

public sealed record WeightsFetcherValues
{
    public required ImageValues Image { get; init; }

    public ContainerResourcesValues Resources { get; init; } = new()
    {
        Requests = new() { Cpu = "500m", Memory = "512Mi" },
        Limits = new() { Memory = "2Gi" },
    };
}

public sealed record WeightsCacheValues
{
    /// <summary>Storage class of the cache; empty for the cluster default.</summary>
    public required string StorageClassName { get; init; }

    public required string Size { get; init; }

    /// <summary>ReadWriteOnce, ReadWriteOncePod, or ReadWriteMany when several Deployment replicas share it.</summary>
    public string AccessMode { get; init; } = "ReadWriteOnce";
}
