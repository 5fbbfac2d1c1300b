using k8s;
using k8s.Models;

namespace SovereignOps.Planning.Guard;

/// <summary>
/// Persistent data lands only on storage classes the policy lists (volumes that stay in the country).
/// A claim without a class would get the cluster's default, which the policy has not vetted, so it
/// is refused whenever the policy lists classes. A policy without storage rules does not restrict.
/// </summary>
internal static class StorageClassRules
{
    public static void Check(GuardContext context, IKubernetesObject<V1ObjectMeta> resource, ObjectRef owner, ViolationList violations)
    {
        switch (resource)
        {
            case V1PersistentVolumeClaim claim:
                Claim(context, owner, "spec.storageClassName", claim.Spec?.StorageClassName, violations);
                break;
            case V1StatefulSet statefulSet:
                foreach (var (template, i) in (statefulSet.Spec?.VolumeClaimTemplates ?? []).Select((t, i) => (t, i)))
                {
                    Claim(context, owner, $"spec.volumeClaimTemplates[{i}].spec.storageClassName", template.Spec?.StorageClassName, violations);
                }

                break;
        }

        foreach (var pod in PodTemplate.In(resource))
        {
            foreach (var (volume, i) in (pod.Spec.Volumes ?? []).Select((v, i) => (v, i)))
            {
                if (volume.Ephemeral?.VolumeClaimTemplate is { } template)
                {
                    Claim(context, owner, $"{pod.Path}.volumes[{i}].ephemeral.volumeClaimTemplate.spec.storageClassName",
                        template.Spec?.StorageClassName, violations);
                }
            }
        }
    }

    private static void Claim(GuardContext context, ObjectRef owner, string field, string? storageClass, ViolationList violations)
    {
        if (context.Policy.Spec.Storage is not { } storage)
        {
            return;
        }

        var allowed = storage.AllowedStorageClasses;
        if (storageClass is { Length: > 0 } && allowed.Contains(storageClass))
        {
            return;
        }

        var clause = context.PolicyClause("spec.storage.allowedStorageClasses", allowed);
        var message = storageClass is { Length: > 0 }
            ? $"storage class {storageClass} is not allowed"
            : "no storage class is named, so the cluster default would be used";
        violations.Add(owner, field, GuardRules.StorageClass, clause,
            allowed.Count == 0 ? $"{message}; the policy allows no persistent volumes" : message);
    }
}
