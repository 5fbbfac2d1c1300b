using k8s.Models;
using SovereignOps.Api.Crds;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// The running operator against the target: an upgrade may move one minor release at a time (each
/// release converts what the one before it stored); a downgrade is allowed only as far as the CRD
/// check says the target can read.
/// </summary>
public static class UpgradeCheckOperatorSkew
{
    public const string Name = "operator-version";

    public static IEnumerable<CheckResult> Run(IReadOnlyList<V1Deployment> operators, ReleaseVersion target)
    {
        if (operators.Count == 0)
        {
            yield return CheckResult.Pass(Name, "operator", $"no operator installed; {target} is a fresh install");
            yield break;
        }

        if (operators.Count > 1)
        {
            yield return CheckResult.Warn(Name, "operator",
                $"{operators.Count} operator Deployments ({string.Join(", ", operators.Select(Display))}) would reconcile the same resources; keep one");
        }

        foreach (var deployment in operators)
        {
            var subject = Display(deployment);
            var running = RunningVersion(deployment);
            if (running is null)
            {
                yield return CheckResult.Warn(Name, subject, "cannot tell the running version (no app.kubernetes.io/version label or image tag)");
                continue;
            }

            yield return (running.CompareTo(target), running.Major == target.Major && target.Minor - running.Minor <= 1) switch
            {
                (0, _) => CheckResult.Pass(Name, subject, $"already at {target}"),
                ( < 0, true) => CheckResult.Pass(Name, subject, $"upgrade {running} → {target}"),
                ( < 0, false) => CheckResult.Warn(Name, subject, $"upgrade {running} → {target} skips minor releases; upgrade one minor release at a time"),
                _ => CheckResult.Warn(Name, subject, $"downgrade {running} → {target}: safe only while every CRD stays readable (see crd-stored-versions)"),
            };
        }
    }

    public static ReleaseVersion? RunningVersion(V1Deployment deployment)
    {
        if (deployment.Metadata.Labels?.TryGetValue("app.kubernetes.io/version", out var label) == true && ReleaseVersion.TryParse(label) is { } labelled)
        {
            return labelled;
        }

        var image = deployment.Spec?.Template?.Spec?.Containers?.FirstOrDefault()?.Image ?? string.Empty;
        var withoutDigest = image.Split('@')[0];
        var colon = withoutDigest.LastIndexOf(':');
        return colon > withoutDigest.LastIndexOf('/') ? ReleaseVersion.TryParse(withoutDigest[(colon + 1)..]) : null;
    }

    private static string Display(V1Deployment deployment) => $"Deployment {deployment.Metadata.NamespaceProperty}/{deployment.Metadata.Name}";
}
