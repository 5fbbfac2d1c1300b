using SovereignOps.Api.Bundles;
using SovereignOps.Planning.Guard;
using SovereignOps.Rendering;
using SovereignOps.Rendering.Pipeline;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// Every image the target needs — the operator's, and every image of every workload it would render
/// for the customers in the cluster (already rewritten to their mirrors) — against the mirror index.
/// </summary>
public static class UpgradeCheckImages
{
    public const string Name = "mirror-images";

    /// <summary>The images, or why the workloads could not be rendered.</summary>
    public static async Task<(IReadOnlyList<string> Images, string? Problem)> RequiredAsync(Bundle bundle, string? operatorImage, HelmRendererOptions helm, CancellationToken cancellationToken)
    {
        var images = new SortedSet<string>(StringComparer.Ordinal);
        if (operatorImage is not null)
        {
            images.Add(operatorImage);
        }

        if (bundle.Profiles.Count == 0)
        {
            return ([.. images], null);
        }

        var result = await new RenderPipeline(new HelmRenderer(helm)).RunAsync(bundle, cancellationToken);
        if (!result.Succeeded)
        {
            return ([.. images], "the workloads do not render: " + string.Join("; ", result.Reasons().Take(3)));
        }

        foreach (var manifest in result.Manifests)
        {
            foreach (var rendered in manifest.Objects)
            {
                foreach (var pod in PodTemplate.In(rendered.Object))
                {
                    foreach (var container in (pod.Spec.InitContainers ?? []).Concat(pod.Spec.Containers ?? []))
                    {
                        images.Add(container.Image);
                    }
                }
            }
        }

        return ([.. images], null);
    }

    public static IEnumerable<CheckResult> Run(IReadOnlyList<string> images, string? renderProblem, UpgradeCheckMirrorIndex? index, string? indexFile)
    {
        if (renderProblem is not null)
        {
            yield return CheckResult.Warn(Name, "workloads", $"cannot list the workload images: {renderProblem}");
        }

        if (index is null)
        {
            yield return CheckResult.Warn(Name, "mirror", $"no --mirror-index given; {images.Count} images not checked: {string.Join(", ", images)}");
            yield break;
        }

        var missing = images.Where(image => !index.Contains(image)).ToList();
        foreach (var image in missing)
        {
            yield return CheckResult.Fail(Name, image, $"not in the mirror index {indexFile}; mirror it before upgrading, or pods will fail to pull");
        }

        if (missing.Count == 0)
        {
            yield return CheckResult.Pass(Name, "mirror", $"all {images.Count} images the target needs are in {indexFile}");
        }
    }
}
