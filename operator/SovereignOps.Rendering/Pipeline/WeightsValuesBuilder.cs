using System.Globalization;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>
/// The weights part of a model's values from its <c>spec.weights.uri</c>: <c>pvc://CLAIM/PATH</c>
/// mounts an existing claim, <c>oci://</c> mounts an OCI artifact from the mirror, and <c>s3://</c>
/// or <c>https://</c> are fetched into a cache claim on a storage class the policy allows.
/// </summary>
public static class WeightsValuesBuilder
{
    /// <summary>The cache holds the weights plus 20 % (the API's documented default for cacheSize).</summary>
    public const double CacheOverhead = 1.2;

    public static WeightsValues Build(ModelDeploymentSpec spec, double weightsGiB, DataResidencyPolicySpec policy, string mirror)
    {
        var uri = spec.Weights.Uri;
        if (uri.StartsWith("pvc://", StringComparison.Ordinal))
        {
            var rest = uri["pvc://".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? WeightsValues.FromClaim(rest) : WeightsValues.FromClaim(rest[..slash], rest[(slash + 1)..].Trim('/'));
        }

        if (uri.StartsWith("oci://", StringComparison.Ordinal))
        {
            return WeightsValues.FromOciArtifact(MirrorImages.Values(uri["oci://".Length..], mirror));
        }

        var cache = new WeightsCacheValues
        {
            StorageClassName = spec.Weights.CacheStorageClass ?? policy.Storage?.AllowedStorageClasses.FirstOrDefault() ?? string.Empty,
            Size = spec.Weights.CacheSize?.ToString() ?? ModelSizing.Gi(weightsGiB * CacheOverhead),
            // One writer per claim: a Deployment's shared claim serves a single replica, and a model
            // with several replicas is a StatefulSet with a claim per pod (see ModelValuesBuilder).
            AccessMode = "ReadWriteOnce",
        };
        var fetcher = new WeightsFetcherValues { Image = MirrorImages.Values(DefaultImages.WeightsFetcher, mirror) };
        return WeightsValues.FromUri(uri, spec.Model.Digest ?? string.Empty, fetcher, cache);
    }

    /// <summary>Whether the weights are downloaded into a cache claim (and so need egress to the store).</summary>
    public static bool IsFetched(string uri) => uri.StartsWith("s3://", StringComparison.Ordinal) || uri.StartsWith("https://", StringComparison.Ordinal);

    /// <summary>The port the weights store listens on: the URI's explicit port, else 443.</summary>
    public static int StorePort(string uri)
    {
        var schemeEnd = uri.IndexOf("://", StringComparison.Ordinal);
        var authority = uri[(schemeEnd + 3)..].Split('/')[0];
        var colon = authority.LastIndexOf(':');
        return colon > 0 && int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : 443;
    }
}
