using k8s.Models;

namespace SovereignOps.Planning.Guard;

/// <summary>Only ClusterIP Services, unless the profile explicitly allows exposing workloads outside the cluster.</summary>
internal static class ServiceRules
{
    private static readonly HashSet<string> Exposing = ["LoadBalancer", "NodePort"];

    public static void Check(GuardContext context, V1Service service, ObjectRef owner, ViolationList violations)
    {
        var type = service.Spec?.Type;
        var allowed = context.Profile.Spec.AllowedServiceTypes;
        if (type is not null && Exposing.Contains(type) && !allowed.Contains(type))
        {
            violations.Add(owner, "spec.type", GuardRules.ServiceType,
                context.ProfileClause("spec.allowedServiceTypes", $"[{string.Join(", ", allowed.DefaultIfEmpty("ClusterIP"))}]"),
                $"Service type {type} exposes the workload outside the cluster");
        }
    }
}
