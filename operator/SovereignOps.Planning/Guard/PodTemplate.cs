using k8s;
using k8s.Models;

namespace SovereignOps.Planning.Guard;

/// <summary>A pod spec found inside a rendered object, with the path that leads to it.</summary>
/// <param name="Path">Path of the pod spec, e.g. <c>spec.template.spec</c>; fields below it are appended.</param>
public sealed record PodTemplate(string Path, V1PodSpec Spec)
{
    /// <summary>Every pod spec an object carries: one for workloads, none for everything else.</summary>
    public static IEnumerable<PodTemplate> In(IKubernetesObject<V1ObjectMeta> resource)
    {
        var found = resource switch
        {
            V1Pod pod => Of("spec", pod.Spec),
            V1Deployment deployment => Of("spec.template.spec", deployment.Spec?.Template?.Spec),
            V1StatefulSet statefulSet => Of("spec.template.spec", statefulSet.Spec?.Template?.Spec),
            V1DaemonSet daemonSet => Of("spec.template.spec", daemonSet.Spec?.Template?.Spec),
            V1ReplicaSet replicaSet => Of("spec.template.spec", replicaSet.Spec?.Template?.Spec),
            V1ReplicationController controller => Of("spec.template.spec", controller.Spec?.Template?.Spec),
            V1Job job => Of("spec.template.spec", job.Spec?.Template?.Spec),
            V1CronJob cronJob => Of("spec.jobTemplate.spec.template.spec", cronJob.Spec?.JobTemplate?.Spec?.Template?.Spec),
            V1PodTemplate template => Of("template.spec", template.Template?.Spec),
            _ => null,
        };
        return found is null ? [] : [found];
    }

    /// <summary>Whether the object is a kind that runs pods, whether or not its template is filled in.</summary>
    public static bool IsWorkload(IKubernetesObject<V1ObjectMeta> resource) =>
        resource is V1Pod or V1Deployment or V1StatefulSet or V1DaemonSet or V1ReplicaSet or V1ReplicationController or V1Job or V1CronJob or V1PodTemplate;

    /// <summary>Every container of the pod with the path to it: init, regular and ephemeral.</summary>
    public IEnumerable<(string Path, V1Container? Container, V1EphemeralContainer? Ephemeral)> Containers()
    {
        foreach (var (container, i) in (Spec.InitContainers ?? []).Select((c, i) => (c, i)))
        {
            yield return ($"{Path}.initContainers[{i}]", container, null);
        }

        foreach (var (container, i) in (Spec.Containers ?? []).Select((c, i) => (c, i)))
        {
            yield return ($"{Path}.containers[{i}]", container, null);
        }

        foreach (var (container, i) in (Spec.EphemeralContainers ?? []).Select((c, i) => (c, i)))
        {
            yield return ($"{Path}.ephemeralContainers[{i}]", null, container);
        }
    }

    private static PodTemplate? Of(string path, V1PodSpec? spec) => spec is null ? null : new PodTemplate(path, spec);
}
