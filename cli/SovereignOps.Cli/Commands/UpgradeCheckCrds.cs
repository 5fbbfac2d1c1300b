using k8s.Models;
using SovereignOps.Api.Crds;

namespace SovereignOps.Cli.Commands;

/// <summary>Whether the target operator can read every installed CRD's stored versions (the same rule the operator applies at start).</summary>
public static class UpgradeCheckCrds
{
    public const string Name = "crd-stored-versions";

    public static IEnumerable<CheckResult> Run(IReadOnlyList<V1CustomResourceDefinition> installed, IReadOnlyList<V1CustomResourceDefinition> target, ReleaseVersion targetVersion)
    {
        foreach (var crd in target)
        {
            var live = installed.FirstOrDefault(c => c.Metadata.Name == crd.Metadata.Name);
            var verdict = CrdCompatibility.Check(crd, live, targetVersion);
            var stored = live?.Status?.StoredVersions is { Count: > 0 } versions ? $"stored as {string.Join(", ", versions)}; " : string.Empty;
            yield return verdict.Verdict switch
            {
                CrdVerdict.Install => CheckResult.Pass(Name, crd.Metadata.Name, "not installed yet; the operator installs it at start"),
                CrdVerdict.Upgrade => CheckResult.Pass(Name, crd.Metadata.Name, $"{stored}readable by operator {targetVersion}, which upgrades it at start"),
                CrdVerdict.KeepNewer => CheckResult.Warn(Name, crd.Metadata.Name, verdict.Message),
                _ => CheckResult.Fail(Name, crd.Metadata.Name, verdict.Message),
            };
        }
    }
}
