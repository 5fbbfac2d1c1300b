using k8s.Models;
using SovereignOps.Api.Crds;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Operator;

/// <summary>Whether the operator writes its CRDs or only checks the ones installed out of band.</summary>
public enum CrdPolicy
{
    /// <summary>Server-side apply the CRDs at start (the chart's default, <c>crds.manage: true</c>).</summary>
    Apply,

    /// <summary>Write nothing; refuse to start unless every CRD is installed, established and readable (<c>--crd-policy verify</c>).</summary>
    Verify,
}

/// <summary>How <see cref="CrdInstaller"/> runs. The defaults are what the operator binary does.</summary>
public sealed record CrdInstallOptions
{
    public const string FieldManager = "sovereignops-operator";

    public CrdPolicy Policy { get; init; } = CrdPolicy.Apply;

    /// <summary>This build's version, recorded on every CRD it applies and compared with the one found.</summary>
    public ReleaseVersion OperatorVersion { get; init; } = ReleaseVersion.TryParse(UserAgent.Version) ?? new ReleaseVersion(0, 0, 0, string.Empty);

    /// <summary>The CRDs this build serves; generated from the API types unless a test supplies others.</summary>
    public IReadOnlyList<V1CustomResourceDefinition> Crds { get; init; } = CrdGenerator.GenerateAll();

    /// <summary>How long to wait for an applied CRD to be Established before giving up.</summary>
    public TimeSpan EstablishTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Parses the value of <c>--crd-policy</c>: <c>apply</c> or <c>verify</c>.</summary>
    public static CrdPolicy? ParsePolicy(string value) => value switch
    {
        "apply" => CrdPolicy.Apply,
        "verify" => CrdPolicy.Verify,
        _ => null,
    };
}
