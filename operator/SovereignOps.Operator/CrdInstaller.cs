using k8s;
using k8s.Models;
using SovereignOps.Api.Crds;
using SovereignOps.Runtime;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Operator;

/// <summary>
/// Installs and upgrades the operator's own CRDs at start with server-side apply, so a fresh cluster
/// needs no separate step and <c>helm upgrade</c> upgrades the CRDs with the operator (Helm never
/// upgrades a chart's <c>crds/</c> folder). Before writing, each installed CRD is checked with
/// <see cref="CrdCompatibility"/>: a CRD holding objects this build cannot read is never replaced
/// (a downgrade), and a newer build's CRD is left in place. The CRDs are not part of any Helm release,
/// so uninstalling the chart leaves them and every custom resource untouched.
/// </summary>
/// <remarks>
/// Program.cs passes <c>--crd-policy apply|verify</c> (chart value <c>crds.manage</c>) as
/// <see cref="CrdInstallOptions.Policy"/> and starts reconciling only when the report succeeded.
/// </remarks>
public static class CrdInstaller
{
    /// <summary>Labels put on every CRD the operator applies, so an SRE can find (or deliberately delete) them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["app.kubernetes.io/part-of"] = "sovereignops",
        ["app.kubernetes.io/managed-by"] = "sovereignops-operator",
    };

    private static readonly ResourceType CrdType = ResourceType.For<V1CustomResourceDefinition>();

    /// <summary>The operator's start-up call with default options: the failures, one line each; empty when it may run.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(KubeApi api, CancellationToken cancellationToken) =>
        (await InstallAsync(api, new CrdInstallOptions(), cancellationToken)).Failures;

    public static async Task<CrdInstallReport> InstallAsync(KubeApi api, CrdInstallOptions options, CancellationToken cancellationToken)
    {
        var results = new List<CrdInstallResult>();
        foreach (var crd in options.Crds)
        {
            results.Add(await InstallOneAsync(api, crd, options, cancellationToken));
        }

        return new CrdInstallReport(results);
    }

    private static async Task<CrdInstallResult> InstallOneAsync(KubeApi api, V1CustomResourceDefinition crd, CrdInstallOptions options, CancellationToken cancellationToken)
    {
        var name = crd.Metadata.Name;
        var key = ResourceKey.Cluster(name);
        var read = await api.GetAsync<V1CustomResourceDefinition>(CrdType, key, cancellationToken);
        if (!read.IsSuccess && !read.Error.IsNotFound)
        {
            return new(name, CrdOutcome.Failed, $"could not read the installed CRD: {read.Error}");
        }

        var live = read.IsSuccess ? read.Value : null;
        var compatibility = CrdCompatibility.Check(crd, live, options.OperatorVersion);
        if (options.Policy == CrdPolicy.Verify)
        {
            return Verify(crd, live, compatibility);
        }

        switch (compatibility.Verdict)
        {
            case CrdVerdict.Unreadable:
                return new(name, CrdOutcome.Refused, compatibility.Message);
            case CrdVerdict.KeepNewer:
                return new(name, CrdOutcome.KeptNewer, compatibility.Message);
        }

        var body = KubernetesJson.Serialize(Desired(crd, options.OperatorVersion));
        var patch = new PatchOptions { FieldManager = CrdInstallOptions.FieldManager, Force = true };
        var applied = await api.PatchAsync<V1CustomResourceDefinition>(CrdType, key, PatchType.Apply, body, patch, cancellationToken);
        if (!applied.IsSuccess)
        {
            return new(name, CrdOutcome.Failed, $"server-side apply failed: {applied.Error}");
        }

        var established = await WaitEstablishedAsync(api, key, options.EstablishTimeout, cancellationToken);
        if (!established)
        {
            return new(name, CrdOutcome.Failed, $"applied but not Established within {options.EstablishTimeout.TotalSeconds:0} s");
        }

        if (live is null)
        {
            return new(name, CrdOutcome.Created, "created");
        }

        return applied.Value.Metadata.ResourceVersion == live.Metadata.ResourceVersion
            ? new(name, CrdOutcome.Unchanged, "unchanged")
            : new(name, CrdOutcome.Updated, $"updated by operator {options.OperatorVersion}");
    }

    private static CrdInstallResult Verify(V1CustomResourceDefinition desired, V1CustomResourceDefinition? live, CrdCompatibilityResult compatibility)
    {
        var name = compatibility.Name;
        if (live is null)
        {
            return new(name, CrdOutcome.Refused, $"{name} is not installed; install the CRDs (kubectl apply --server-side -f crds/) or let the operator manage them (chart value crds.manage=true)");
        }

        if (!compatibility.Readable)
        {
            return new(name, CrdOutcome.Refused, compatibility.Message);
        }

        var storage = CrdCompatibility.StorageVersion(desired);
        if (!CrdCompatibility.ServedVersions(live).Contains(storage))
        {
            return new(name, CrdOutcome.Refused, $"{name} does not serve {storage} yet; upgrade the CRDs first (kubectl apply --server-side -f crds/)");
        }

        return IsEstablished(live)
            ? new(name, CrdOutcome.Verified, "installed, established and readable")
            : new(name, CrdOutcome.Refused, $"{name} is installed but not Established");
    }

    /// <summary>Our CRD with the labels and the version annotation; a copy, so the caller's object is untouched.</summary>
    private static V1CustomResourceDefinition Desired(V1CustomResourceDefinition crd, ReleaseVersion version)
    {
        var copy = KubernetesJson.Deserialize<V1CustomResourceDefinition>(KubernetesJson.Serialize(crd));
        copy.ApiVersion = "apiextensions.k8s.io/v1";
        copy.Kind = "CustomResourceDefinition";
        copy.Status = null;
        copy.Metadata.Labels = new Dictionary<string, string>(copy.Metadata.Labels ?? new Dictionary<string, string>());
        foreach (var (label, value) in Labels)
        {
            copy.Metadata.Labels[label] = value;
        }

        copy.Metadata.Annotations = new Dictionary<string, string>(copy.Metadata.Annotations ?? new Dictionary<string, string>())
        {
            [CrdCompatibility.OperatorVersionAnnotation] = version.ToString(),
        };
        return copy;
    }

    private static async Task<bool> WaitEstablishedAsync(KubeApi api, ResourceKey key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = api.Time.GetUtcNow() + timeout;
        while (true)
        {
            var read = await api.GetAsync<V1CustomResourceDefinition>(CrdType, key, cancellationToken);
            if (read.IsSuccess && IsEstablished(read.Value))
            {
                return true;
            }

            if (api.Time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), api.Time, cancellationToken);
        }
    }

    private static bool IsEstablished(V1CustomResourceDefinition crd) =>
        crd.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") ?? false;
}
