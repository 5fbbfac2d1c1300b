using k8s.Models;

namespace SovereignOps.Planning.Guard;

/// <summary>The fields the guard reads, common to regular and ephemeral containers.</summary>
internal sealed record ContainerView(
    string Path,
    string? Image,
    V1SecurityContext? SecurityContext,
    IList<V1ContainerPort>? Ports,
    V1ResourceRequirements? Resources)
{
    public static IEnumerable<ContainerView> Of(PodTemplate pod) =>
        pod.Containers().Select(c => c.Container is { } container
            ? new ContainerView(c.Path, container.Image, container.SecurityContext, container.Ports, container.Resources)
            : new ContainerView(c.Path, c.Ephemeral!.Image, c.Ephemeral.SecurityContext, c.Ephemeral.Ports, c.Ephemeral.Resources));

    /// <summary>Extended resources the container asks for (requests or limits).</summary>
    public IEnumerable<string> RequestedResources() =>
        (Resources?.Limits?.Keys ?? []).Concat(Resources?.Requests?.Keys ?? []).Distinct(StringComparer.Ordinal);
}
