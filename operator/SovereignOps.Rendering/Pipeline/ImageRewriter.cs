using k8s;
using k8s.Models;
using SovereignOps.Planning.Guard;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>
/// Moves every image of rendered pod templates (containers, init and ephemeral containers, image
/// volumes) to the profile's mirror, whatever the chart wrote. The values already name mirrored
/// images; this catches an image a chart hard-codes, so what is applied never pulls from abroad.
/// </summary>
public static class ImageRewriter
{
    /// <summary>Rewrites in place; returns how many references changed.</summary>
    public static int Rewrite(IKubernetesObject<V1ObjectMeta> resource, string mirror)
    {
        var changed = 0;
        foreach (var pod in PodTemplate.In(resource))
        {
            foreach (var container in (pod.Spec.InitContainers ?? []).Concat(pod.Spec.Containers ?? []))
            {
                container.Image = Moved(container.Image, mirror, ref changed);
            }

            foreach (var container in pod.Spec.EphemeralContainers ?? [])
            {
                container.Image = Moved(container.Image, mirror, ref changed);
            }

            foreach (var volume in pod.Spec.Volumes ?? [])
            {
                if (volume.Image is { } image)
                {
                    image.Reference = Moved(image.Reference, mirror, ref changed);
                }
            }
        }

        return changed;
    }

    private static string Moved(string? image, string mirror, ref int changed)
    {
        if (string.IsNullOrEmpty(image))
        {
            return image ?? string.Empty;
        }

        var moved = MirrorImages.Rewrite(image, mirror);
        if (moved != image)
        {
            changed++;
        }

        return moved;
    }
}
