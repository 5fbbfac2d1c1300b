using k8s;
using k8s.Models;
using SovereignOps.Sandbox.Tests.Infrastructure;

namespace SovereignOps.Sandbox.Tests.Cluster;

/// <summary>Pod bodies and waits for the cluster tests.</summary>
public static class Pods
{
    public static V1Pod Make(string name, Dictionary<string, string>? limits = null, Dictionary<string, string>? requests = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Annotations = new Dictionary<string, string>() },
        Spec = new V1PodSpec
        {
            Containers =
            [
                new V1Container
                {
                    Name = "main",
                    Image = "registry.example/model-server:1.0",
                    Resources = new V1ResourceRequirements
                    {
                        Limits = limits?.ToDictionary(p => p.Key, p => new ResourceQuantity(p.Value)),
                        Requests = requests?.ToDictionary(p => p.Key, p => new ResourceQuantity(p.Value)),
                    },
                },
            ],
        },
    };

    public static V1Pod InRegions(this V1Pod pod, params string[] regions)
    {
        pod.Spec.Affinity = new V1Affinity
        {
            NodeAffinity = new V1NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
                {
                    NodeSelectorTerms = [new V1NodeSelectorTerm { MatchExpressions = [new V1NodeSelectorRequirement { Key = SimulatedNodes.RegionLabel, OperatorProperty = "In", Values = regions }] }],
                },
            },
        };
        return pod;
    }

    public static V1Pod TolerateDedicated(this V1Pod pod)
    {
        pod.Spec.Tolerations = [new V1Toleration { Key = SimulatedNodes.DedicatedTaint, OperatorProperty = "Equal", Value = "gov", Effect = "NoSchedule" }];
        return pod;
    }

    public static V1Pod Annotate(this V1Pod pod, string key, string value)
    {
        pod.Metadata.Annotations[key] = value;
        return pod;
    }

    public static Task<V1Pod> WaitAsync(Kubernetes client, string ns, string name, Func<V1Pod, bool> done, string what, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(() => client.CoreV1.ReadNamespacedPodAsync(name, ns), done, $"pod {ns}/{name} {what}", timeout ?? TimeSpan.FromSeconds(20));

    public static bool IsReady(V1Pod pod) => pod.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true;

    public static V1PodCondition? Condition(V1Pod pod, string type) => pod.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    public static async Task<IList<Corev1Event>> EventsAsync(Kubernetes client, V1Pod pod) =>
        (await client.CoreV1.ListNamespacedEventAsync(pod.Metadata.NamespaceProperty,
            fieldSelector: $"involvedObject.name={pod.Metadata.Name},involvedObject.namespace={pod.Metadata.NamespaceProperty},involvedObject.uid={pod.Metadata.Uid},involvedObject.kind=Pod")).Items;
}
