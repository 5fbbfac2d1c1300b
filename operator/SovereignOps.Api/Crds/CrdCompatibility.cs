using k8s.Models;

namespace SovereignOps.Api.Crds;

/// <summary>What an operator build may do with a CRD it finds installed.</summary>
public enum CrdVerdict
{
    /// <summary>Not installed: apply ours.</summary>
    Install,

    /// <summary>Same or older than ours and readable: apply ours.</summary>
    Upgrade,

    /// <summary>Installed by a newer operator, or serving versions this build does not know, yet still readable: leave it as it is.</summary>
    KeepNewer,

    /// <summary>Objects are stored in a version this build cannot read, or its version is no longer served: do not run.</summary>
    Unreadable,
}

/// <summary>The verdict and the sentence an SRE reads in the log, the status or the upgrade check.</summary>
public sealed record CrdCompatibilityResult(string Name, CrdVerdict Verdict, string Message)
{
    public bool Readable => Verdict != CrdVerdict.Unreadable;
}

/// <summary>
/// Decides whether an operator build can live with an installed CRD. Objects are read in the versions
/// listed in <c>status.storedVersions</c>; a build that does not serve one of them cannot read what is
/// stored, so replacing the CRD with its own would either be refused by the API server or strand data.
/// A CRD written by a newer build is left alone even when readable, so that an older replica
/// restarting during a rolling upgrade (or after a rollback) does not flap the CRD back.
/// </summary>
public static class CrdCompatibility
{
    /// <summary>Annotation recording which operator version last applied the CRD.</summary>
    public const string OperatorVersionAnnotation = "sovereignops.io/operator-version";

    public static CrdCompatibilityResult Check(V1CustomResourceDefinition desired, V1CustomResourceDefinition? live, ReleaseVersion operatorVersion)
    {
        var name = desired.Metadata.Name;
        if (live is null)
        {
            return new(name, CrdVerdict.Install, $"{name} is not installed");
        }

        var known = desired.Spec.Versions.Where(v => v.Served).Select(v => v.Name).ToList();
        var stored = live.Status?.StoredVersions ?? [];
        var unreadable = stored.Where(v => !known.Contains(v)).ToList();
        if (unreadable.Count > 0)
        {
            return new(name, CrdVerdict.Unreadable,
                $"{name} has objects stored as {Join(unreadable)}, which operator {operatorVersion} cannot read (it serves {Join(known)}); " +
                "refusing to downgrade the CRD: run an operator release that serves those versions");
        }

        string? writtenByText = null;
        live.Metadata?.Annotations?.TryGetValue(OperatorVersionAnnotation, out writtenByText);
        var writtenBy = ReleaseVersion.TryParse(writtenByText);
        var liveServed = ServedVersions(live);
        var unknownServed = liveServed.Where(v => !known.Contains(v)).ToList();
        var newer = writtenBy is not null && writtenBy > operatorVersion;
        if (!newer && unknownServed.Count == 0)
        {
            return new(name, CrdVerdict.Upgrade, $"{name} is readable by operator {operatorVersion}");
        }

        // The installed CRD stays; this build can only run if it still serves the version we store.
        var storage = StorageVersion(desired);
        if (!liveServed.Contains(storage))
        {
            return new(name, CrdVerdict.Unreadable,
                $"{name} no longer serves {storage}, the version operator {operatorVersion} reads and writes (the installed CRD serves {Join(liveServed)})");
        }

        return newer
            ? new(name, CrdVerdict.KeepNewer, $"{name} was applied by operator {writtenBy}, newer than {operatorVersion}; left as it is (still readable)")
            : new(name, CrdVerdict.KeepNewer, $"{name} serves {Join(unknownServed)}, unknown to operator {operatorVersion}; left as it is (still readable)");
    }

    /// <summary>The version objects are written in.</summary>
    public static string StorageVersion(V1CustomResourceDefinition crd) => crd.Spec.Versions.First(v => v.Storage).Name;

    public static IReadOnlyList<string> ServedVersions(V1CustomResourceDefinition crd) =>
        crd.Spec?.Versions?.Where(v => v.Served).Select(v => v.Name).ToList() ?? [];

    private static string Join(IEnumerable<string> versions)
    {
        var list = versions.ToList();
        return list.Count == 0 ? "no version" : string.Join(", ", list);
    }
}
