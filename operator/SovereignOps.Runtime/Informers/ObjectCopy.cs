using k8s;

namespace SovereignOps.Runtime.Informers;

/// <summary>Deep copies through the Kubernetes JSON form, so a cached object can be changed safely.</summary>
public static class ObjectCopy
{
    public static T DeepClone<T>(T obj)
        where T : class =>
        KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(obj));
}
