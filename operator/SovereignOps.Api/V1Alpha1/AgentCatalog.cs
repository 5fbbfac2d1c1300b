using System.ComponentModel;
using SovereignOps.Api.Crds;

namespace SovereignOps.Api.V1Alpha1;

[CustomResource("AgentCatalog", "agentcatalogs", namespaced: true, ShortNames = ["acat", "agents"])]
[Description("A vendor's AI agents offered to the customer, app-store style. Only approved entries are deployed.")]
[PrinterColumn("Vendor", "string", ".spec.vendor", "Vendor that publishes the catalog.")]
[PrinterColumn("Agents", "integer", ".status.total", "Entries in the catalog.")]
[PrinterColumn("Deployed", "integer", ".status.deployed", "Entries deployed.")]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether every approved entry is deployed.")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp", "Time since creation.")]
public sealed class AgentCatalog() : CustomResource<AgentCatalogSpec, AgentCatalogStatus>(KindName)
{
    public const string KindName = "AgentCatalog";
}

public sealed class AgentCatalogSpec
{
    [Required]
    [Length(1, 128)]
    [Description("Vendor that publishes the catalog.")]
    public string Vendor { get; set; } = string.Empty;

    [Length(0, 1024)]
    [Description("What the catalog offers.")]
    public string? Description { get; set; }

    [Required]
    [ListMap("name")]
    [ItemCount(1, 200)]
    [Description("The agents on offer.")]
    public List<AgentEntry> Agents { get; set; } = [];
}

[CelRule("has(self.model.ref) || (has(self.model.requiredModalities) && size(self.model.requiredModalities) > 0)",
    "an agent needs model.ref or model.requiredModalities", FieldPath = ".model")]
[CelRule("self.approval.state != 'Approved' || (has(self.approval.approvedBy) && size(self.approval.approvedBy) > 0)",
    "an Approved agent must name who approved it", FieldPath = ".approval.approvedBy")]
[CelRule("self.riskTier != 'High' || self.humanReview",
    "a High risk agent requires humanReview", FieldPath = ".humanReview")]
public sealed class AgentEntry
{
    [Required]
    [Pattern(ApiGroup.DnsLabelPattern)]
    [Length(1, 50)]
    [Description("Agent name, unique in the catalog.")]
    public string Name { get; set; } = string.Empty;

    [Length(0, 128)]
    [Description("Name shown in the storefront.")]
    public string? DisplayName { get; set; }

    [Required]
    [Length(1, 128)]
    [Description("Vendor that builds and supports the agent.")]
    public string Vendor { get; set; } = string.Empty;

    [Required]
    [OneOf("Medicine", "Law", "Education", "Finance", "PublicServices", "Agriculture", "Energy", "Tourism", "General")]
    [Description("The field the agent serves.")]
    public string Domain { get; set; } = "General";

    [Required]
    [Length(1, 64)]
    [Description("Agent version.")]
    public string Version { get; set; } = string.Empty;

    [Required]
    [Description("The agent's container image; rewritten to the profile's mirror.")]
    public ImageReference Image { get; set; } = new();

    [Required]
    [Description("The model the agent calls.")]
    public AgentModelBinding Model { get; set; } = new();

    [ListSet]
    [ItemsPattern(ApiGroup.DataClassPattern)]
    [Description("Data classes the agent reads or writes.")]
    public List<string> DataClasses { get; set; } = [];

    [ItemCount(0, 32)]
    [Description("Destinations the agent's tools may reach besides its model; must be within the policy's egress allow-list.")]
    public List<EgressTarget> EgressAllowList { get; set; } = [];

    [Required]
    [Description("The customer's approval decision.")]
    public Approval Approval { get; set; } = new();

    [OneOf("Minimal", "Limited", "High")]
    [Default("Limited")]
    [Description("Risk tier of the agent's use.")]
    public string RiskTier { get; set; } = "Limited";

    [Default(false)]
    [Description("A person reviews the agent's outputs before they take effect.")]
    public bool HumanReview { get; set; }

    [Minimum(0)]
    [Maximum(100)]
    [Default(1)]
    [Description("Replicas of the agent.")]
    public int Replicas { get; set; } = 1;
}

public sealed class AgentModelBinding
{
    [Description("The ModelDeployment, in the same namespace, the agent calls.")]
    public ObjectReference? Ref { get; set; }

    [ListSet]
    [ItemsOneOf("text", "image", "speech", "video")]
    [Description("When no ref is given: the modalities the model must understand; the first matching model of the profile is bound.")]
    public List<string> RequiredModalities { get; set; } = [];
}

public sealed class EgressTarget
{
    [Required]
    [Pattern("^([0-9]{1,3}\\.){3}[0-9]{1,3}/([0-9]|[12][0-9]|3[0-2])$|^[0-9a-fA-F:]+/[0-9]{1,3}$")]
    [Description("Destination CIDR.")]
    public string Cidr { get; set; } = string.Empty;

    [ItemCount(0, 16)]
    [Description("TCP ports; empty means every port.")]
    public List<int> Ports { get; set; } = [];
}

public sealed class Approval
{
    [Required]
    [OneOf("Pending", "Approved", "Rejected", "Revoked")]
    [Description("Only Approved entries are deployed; Revoked removes a deployed agent.")]
    public string State { get; set; } = "Pending";

    [Length(0, 256)]
    [Description("Who approved or rejected the agent.")]
    public string? ApprovedBy { get; set; }

    [Length(0, 1024)]
    [Description("Why the decision was made.")]
    public string? Reason { get; set; }
}

public sealed class AgentCatalogStatus : IResourceStatus
{
    [Description("The metadata.generation the status reflects.")]
    public long? ObservedGeneration { get; set; }

    [ListMap("type")]
    [Description("Current state: Ready.")]
    public List<Condition> Conditions { get; set; } = [];

    [Description("Entries in the catalog.")]
    public int Total { get; set; }

    [Description("Entries deployed.")]
    public int Deployed { get; set; }

    [ListMap("name")]
    [Description("State of each entry.")]
    public List<AgentEntryStatus> Agents { get; set; } = [];
}

public sealed class AgentEntryStatus
{
    [Required]
    [Description("Agent name.")]
    public string Name { get; set; } = string.Empty;

    [Required]
    [OneOf("Deployed", "Deploying", "PendingApproval", "ModelUnavailable", "Rejected", "Revoked", "Failed")]
    [Description("Deployed, Deploying, PendingApproval, ModelUnavailable, Rejected, Revoked or Failed.")]
    public string State { get; set; } = "PendingApproval";

    [Description("namespace/name of the ModelDeployment the agent is bound to.")]
    public string? Model { get; set; }

    [Description("Why the entry is in its state.")]
    public string? Message { get; set; }
}
