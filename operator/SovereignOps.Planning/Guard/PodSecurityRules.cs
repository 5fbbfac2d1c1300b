using k8s.Models;

namespace SovereignOps.Planning.Guard;

/// <summary>
/// The Kubernetes "restricted" Pod Security Standard, checked on the rendered template rather than
/// left to admission: a violation found here stops the whole apply instead of failing one pod later.
/// </summary>
internal static class PodSecurityRules
{
    private const string Clause = "Pod Security Standard restricted";

    private static readonly HashSet<string> AllowedSeccomp = ["RuntimeDefault", "Localhost"];

    public static void Check(ObjectRef owner, PodTemplate pod, ViolationList violations)
    {
        HostNamespaces(owner, pod, violations);
        Volumes(owner, pod, violations);
        var podContext = pod.Spec.SecurityContext;
        if (podContext?.RunAsUser == 0)
        {
            violations.Add(owner, $"{pod.Path}.securityContext.runAsUser", GuardRules.RunAsNonRoot, Clause, "pod runs as user 0 (root)");
        }

        if (podContext?.SeccompProfile?.Type is { } podSeccomp && !AllowedSeccomp.Contains(podSeccomp))
        {
            violations.Add(owner, $"{pod.Path}.securityContext.seccompProfile.type", GuardRules.Seccomp, Clause,
                $"pod seccomp profile is {podSeccomp}; RuntimeDefault or Localhost is required");
        }

        foreach (var container in ContainerView.Of(pod))
        {
            Container(owner, pod, podContext, container, violations);
        }
    }

    private static void HostNamespaces(ObjectRef owner, PodTemplate pod, ViolationList violations)
    {
        foreach (var (field, on) in new[] { ("hostNetwork", pod.Spec.HostNetwork), ("hostPID", pod.Spec.HostPID), ("hostIPC", pod.Spec.HostIPC) })
        {
            if (on == true)
            {
                violations.Add(owner, $"{pod.Path}.{field}", GuardRules.HostNamespaces, Clause, $"{field} shares the node's namespace with the pod");
            }
        }

        foreach (var container in ContainerView.Of(pod))
        {
            foreach (var (port, i) in (container.Ports ?? []).Select((p, i) => (p, i)))
            {
                if (port.HostPort is > 0)
                {
                    violations.Add(owner, $"{container.Path}.ports[{i}].hostPort", GuardRules.HostNamespaces, Clause,
                        $"hostPort {port.HostPort} exposes the pod on the node's network");
                }
            }
        }
    }

    private static void Volumes(ObjectRef owner, PodTemplate pod, ViolationList violations)
    {
        foreach (var (volume, i) in (pod.Spec.Volumes ?? []).Select((v, i) => (v, i)))
        {
            if (volume.HostPath is { } hostPath)
            {
                violations.Add(owner, $"{pod.Path}.volumes[{i}].hostPath", GuardRules.Volumes, Clause,
                    $"volume {volume.Name} mounts the node's path {hostPath.Path}");
            }
            else if (!IsRestrictedType(volume))
            {
                violations.Add(owner, $"{pod.Path}.volumes[{i}]", GuardRules.Volumes, Clause,
                    $"volume {volume.Name} is of a type the restricted profile does not allow");
            }
        }
    }

    /// <summary>
    /// The volume types the restricted profile allows, plus image volumes: read-only OCI content,
    /// no more privileged than a configMap, which the model chart uses for OCI-packaged weights.
    /// </summary>
    private static bool IsRestrictedType(V1Volume volume) =>
        volume.ConfigMap is not null || volume.Csi is not null || volume.DownwardAPI is not null || volume.EmptyDir is not null
        || volume.Ephemeral is not null || volume.PersistentVolumeClaim is not null || volume.Projected is not null
        || volume.Secret is not null || volume.Image is not null;

    private static void Container(ObjectRef owner, PodTemplate pod, V1PodSecurityContext? podContext, ContainerView container, ViolationList violations)
    {
        var context = container.SecurityContext;
        var path = $"{container.Path}.securityContext";
        if (context?.Privileged == true)
        {
            violations.Add(owner, $"{path}.privileged", GuardRules.Privileged, Clause, "container is privileged");
        }

        if (context?.AllowPrivilegeEscalation != false)
        {
            violations.Add(owner, $"{path}.allowPrivilegeEscalation", GuardRules.PrivilegeEscalation, Clause,
                "allowPrivilegeEscalation must be set to false");
        }

        if ((context?.RunAsNonRoot ?? podContext?.RunAsNonRoot) != true)
        {
            var field = context?.RunAsNonRoot is not null || podContext?.RunAsNonRoot is null ? $"{path}.runAsNonRoot" : $"{pod.Path}.securityContext.runAsNonRoot";
            violations.Add(owner, field, GuardRules.RunAsNonRoot, Clause, "runAsNonRoot must be true");
        }

        if (context?.RunAsUser == 0)
        {
            violations.Add(owner, $"{path}.runAsUser", GuardRules.RunAsNonRoot, Clause, "container runs as user 0 (root)");
        }

        var drop = context?.Capabilities?.Drop ?? [];
        if (!drop.Contains("ALL"))
        {
            violations.Add(owner, $"{path}.capabilities.drop", GuardRules.Capabilities, Clause, "capabilities must drop ALL");
        }

        var added = (context?.Capabilities?.Add ?? []).Where(c => c != "NET_BIND_SERVICE").ToList();
        if (added.Count > 0)
        {
            violations.Add(owner, $"{path}.capabilities.add", GuardRules.Capabilities, Clause,
                $"capabilities add {string.Join(", ", added)}; only NET_BIND_SERVICE may be added");
        }

        var seccomp = context?.SeccompProfile?.Type ?? podContext?.SeccompProfile?.Type;
        if (context?.SeccompProfile?.Type is { } own ? !AllowedSeccomp.Contains(own) : seccomp is null)
        {
            violations.Add(owner, $"{path}.seccompProfile.type", GuardRules.Seccomp, Clause,
                $"seccomp profile is {seccomp ?? "unset"}; RuntimeDefault or Localhost is required");
        }
    }
}
