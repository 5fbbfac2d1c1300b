using k8s.Models;
using SovereignOps.Rendering.Manifests;

namespace SovereignOps.Rendering.Tests.Rendering;

/// <summary>The pod templates of every workload in a manifest.</summary>
internal static class PodTemplates
{
    public static IEnumerable<V1PodTemplateSpec> Of(RenderedManifest manifest) =>
        manifest.OfKind<V1Deployment>().Select(d => d.Spec.Template)
            .Concat(manifest.OfKind<V1StatefulSet>().Select(s => s.Spec.Template));
}
