using System.ComponentModel;
using SovereignOps.Api.Crds;

namespace SovereignOps.Api.V1Alpha1;

[CustomResource("SovereignProfile", "sovereignprofiles", namespaced: false, ShortNames = ["sprof", "sovprofile"])]
[Description("One government customer: the residency policy it is bound by, its tenant namespace, its in-country registry mirror and who administers it.")]
[PrinterColumn("Country", "string", ".spec.country", "ISO 3166-1 alpha-2 country code.")]
[PrinterColumn("Customer", "string", ".spec.customer", "The government customer.")]
[PrinterColumn("Namespace", "string", ".spec.tenantNamespace", "Tenant namespace of the customer's workloads.")]
[PrinterColumn("Models", "string", ".status.models", "Ready/total models.", Priority = 0)]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether the tenant baseline is applied and compliant.")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp", "Time since creation.")]
public sealed class SovereignProfile() : CustomResource<SovereignProfileSpec, SovereignProfileStatus>(KindName)
{
    public const string KindName = "SovereignProfile";
}

[CelRule("!has(self.defaultGpuPool) || size(self.defaultGpuPool) > 0", "defaultGpuPool must not be empty when set", FieldPath = ".defaultGpuPool")]
[CelRule("!self.registry.airGapped || !self.registry.mirror.startsWith('docker.io')", "an air-gapped profile cannot use a public registry as its mirror", FieldPath = ".registry.mirror")]
public sealed class SovereignProfileSpec
{
    [Required]
    [Pattern(ApiGroup.CountryPattern)]
    [Description("ISO 3166-1 alpha-2 code of the customer's country; must match the residency policy's country.")]
    public string Country { get; set; } = string.Empty;

    [Required]
    [Length(1, 256)]
    [Description("The government customer, e.g. Ministry of Digital Economy and Society.")]
    public string Customer { get; set; } = string.Empty;

    [Required]
    [Description("The DataResidencyPolicy every workload of the customer must obey.")]
    public ObjectReference ResidencyPolicyRef { get; set; } = new();

    [Required]
    [Pattern(ApiGroup.DnsLabelPattern)]
    [Length(1, 63)]
    [Description("Namespace that holds the customer's ModelDeployments, AgentCatalogs and workloads.")]
    public string TenantNamespace { get; set; } = string.Empty;

    [Required]
    [Description("The in-country registry mirror every image is pulled from.")]
    public RegistryMirror Registry { get; set; } = new();

    [ListSet]
    [ItemCount(0, 32)]
    [ItemsPattern("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    [Description("BCP 47 language tags the customer's models and agents must serve, e.g. th, ar, ko.")]
    public List<string> Languages { get; set; } = [];

    [ListMap("name")]
    [ItemCount(0, 32)]
    [Description("Identity-provider groups that get access to the tenant namespace.")]
    public List<OwnerGroup> OwnerGroups { get; set; } = [];

    [Pattern(ApiGroup.DnsLabelPattern)]
    [Description("GpuPool used by ModelDeployments that do not name one.")]
    public string? DefaultGpuPool { get; set; }

    [ListSet]
    [ItemsOneOf("ClusterIP", "NodePort", "LoadBalancer")]
    [Description("Service types workloads may use (default ClusterIP only); exposing a model outside the cluster is an explicit decision.")]
    public List<string> AllowedServiceTypes { get; set; } = [];
}

public sealed class RegistryMirror
{
    [Required]
    [Pattern("^[a-z0-9]+([.-][a-z0-9]+)*(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)*$")]
    [Length(1, 255)]
    [Description("Registry host and optional path prefix, e.g. registry.gov.th/sovereign. Every image is rewritten to it.")]
    public string Mirror { get; set; } = string.Empty;

    [Default(false)]
    [Description("The cluster has no route to the internet; only the mirror is reachable.")]
    public bool AirGapped { get; set; }

    [Pattern(ApiGroup.DnsLabelPattern)]
    [Description("Secret in the tenant namespace with credentials for the mirror.")]
    public string? PullSecretName { get; set; }
}

public sealed class OwnerGroup
{
    [Required]
    [Length(1, 256)]
    [Description("Group name as the cluster's identity provider reports it.")]
    public string Name { get; set; } = string.Empty;

    [Required]
    [OneOf("Admin", "Operator", "Viewer")]
    [Description("Admin: manage every resource of the tenant. Operator: manage models and agents. Viewer: read only.")]
    public string Role { get; set; } = "Viewer";
}

public sealed class SovereignProfileStatus : IResourceStatus
{
    [Description("The metadata.generation the status reflects.")]
    public long? ObservedGeneration { get; set; }

    [ListMap("type")]
    [Description("Current state: Ready, BaselineApplied, ResidencyCompliant.")]
    public List<Condition> Conditions { get; set; } = [];

    [Description("Ready and total ModelDeployments, e.g. 2/3.")]
    public string? Models { get; set; }

    [Description("Deployed and total approved agents, e.g. 5/5.")]
    public string? Agents { get; set; }

    [ListSet]
    [Description("GpuPools that belong to the profile.")]
    public List<string> Pools { get; set; } = [];
}
