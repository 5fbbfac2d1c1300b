using System.ComponentModel;
using SovereignOps.Api.Crds;

namespace SovereignOps.Api.V1Alpha1;

[CustomResource("DataResidencyPolicy", "dataresidencypolicies", namespaced: false, ShortNames = ["drp", "residency"])]
[Description("A jurisdiction's data-residency rules: where data of each class may live and be processed, what may leave the country, and the obligations that come with AI systems.")]
[PrinterColumn("Country", "string", ".spec.country", "ISO 3166-1 alpha-2 country code.")]
[PrinterColumn("Cross-Border", "string", ".spec.crossBorder.mode", "Whether data may leave the country.")]
[PrinterColumn("Regions", "string", ".spec.regions.allowed", "Regions workloads may run in.")]
[PrinterColumn("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether the policy is valid and in force.")]
[PrinterColumn("Age", "date", ".metadata.creationTimestamp", "Time since creation.")]
public sealed class DataResidencyPolicy() : CustomResource<DataResidencyPolicySpec, DataResidencyPolicyStatus>(KindName)
{
    public const string KindName = "DataResidencyPolicy";
}

[CelRule("self.crossBorder.mode != 'Deny' || !has(self.crossBorder.mechanisms) || size(self.crossBorder.mechanisms) == 0",
    "crossBorder.mechanisms must be empty when crossBorder.mode is Deny", FieldPath = ".crossBorder.mechanisms")]
[CelRule("!has(self.regions.allowedZones) || size(self.regions.allowedZones) == 0 || has(self.regions.zoneLabelKey)",
    "regions.zoneLabelKey is required when regions.allowedZones is set", FieldPath = ".regions.zoneLabelKey")]
public sealed class DataResidencyPolicySpec
{
    [Required]
    [Pattern(ApiGroup.CountryPattern)]
    [Description("ISO 3166-1 alpha-2 code of the jurisdiction, e.g. TH, SA, KR.")]
    public string Country { get; set; } = string.Empty;

    [Length(0, 256)]
    [Description("Human-readable name of the jurisdiction.")]
    public string? DisplayName { get; set; }

    [ListMap("name")]
    [ItemCount(0, 32)]
    [Description("The laws and regulations the policy implements.")]
    public List<LawReference> Laws { get; set; } = [];

    [Required]
    [ListMap("name")]
    [ItemCount(1, 32)]
    [Description("Data classes defined by the jurisdiction, from most to least sensitive.")]
    public List<DataClass> DataClasses { get; set; } = [];

    [Required]
    [Description("Where in the country workloads may be placed.")]
    public ResidencyRegions Regions { get; set; } = new();

    [Required]
    [Description("Whether and how data may be transferred abroad.")]
    public CrossBorderRules CrossBorder { get; set; } = new();

    [Description("Network destinations workloads may reach outside the cluster. Everything else is denied.")]
    public EgressRules? Egress { get; set; }

    [Description("Where persistent data may be stored.")]
    public StorageRules? Storage { get; set; }

    [Description("Encryption requirements for data at rest.")]
    public EncryptionRules? Encryption { get; set; }

    [Description("Audit log requirements.")]
    public AuditRules? Audit { get; set; }

    [Description("Personal-data breach notification duties.")]
    public BreachNotificationRules? BreachNotification { get; set; }

    [Description("Data-protection officer and local-representative duties.")]
    public RepresentationRules? Representation { get; set; }

    [Description("Obligations the jurisdiction places on AI systems.")]
    public AiObligations? AiObligations { get; set; }

    [ListMap("name")]
    [ItemCount(0, 64)]
    [Description("Sector-specific rules, e.g. electronic medical records that must stay in the country.")]
    public List<SectorRule> SectorRules { get; set; } = [];
}

public sealed class LawReference
{
    [Required]
    [Length(1, 256)]
    [Description("Name of the law, e.g. Personal Data Protection Act B.E. 2562.")]
    public string Name { get; set; } = string.Empty;

    [Length(0, 256)]
    [Description("Citation of the clauses the policy relies on.")]
    public string? Citation { get; set; }

    [Pattern("^https://")]
    [Description("Where the official text is published.")]
    public string? Url { get; set; }
}

public sealed class DataClass
{
    [Required]
    [Pattern(ApiGroup.DataClassPattern)]
    [Length(1, 63)]
    [Description("Name of the data class in CamelCase, e.g. Secret, PersonalData, Public.")]
    public string Name { get; set; } = string.Empty;

    [Length(0, 1024)]
    [Description("What data belongs to the class.")]
    public string? Description { get; set; }

    [Default(true)]
    [Description("Data of this class must be stored and processed in the country (default true).")]
    public bool InCountryOnly { get; set; } = true;

    [Default(false)]
    [Description("Workloads handling this class must run on nodes dedicated to it.")]
    public bool DedicatedNodes { get; set; }

    [Default(true)]
    [Description("Whether GPUs handling this class may be shared with other workloads (MIG or time-slicing).")]
    public bool GpuSharingAllowed { get; set; } = true;
}

public sealed class ResidencyRegions
{
    [Default("topology.kubernetes.io/region")]
    [Pattern("^([a-z0-9.-]+/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    [Description("Node label that carries the region (default topology.kubernetes.io/region).")]
    public string NodeLabelKey { get; set; } = "topology.kubernetes.io/region";

    [Required]
    [ListSet]
    [ItemCount(1, 64)]
    [Description("Values of the region label that are inside the jurisdiction.")]
    public List<string> Allowed { get; set; } = [];

    [Pattern("^([a-z0-9.-]+/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    [Description("Node label that carries the zone, e.g. topology.kubernetes.io/zone.")]
    public string? ZoneLabelKey { get; set; }

    [ListSet]
    [ItemCount(0, 256)]
    [Description("Optional narrower list of zones; empty means every zone of the allowed regions.")]
    public List<string> AllowedZones { get; set; } = [];
}

public sealed class CrossBorderRules
{
    [Required]
    [OneOf("Deny", "MechanismRequired", "Allow")]
    [Description("Deny: no data leaves the country. MechanismRequired: transfers need one of the mechanisms. Allow: transfers are unrestricted.")]
    public string Mode { get; set; } = "Deny";

    [ListSet]
    [ItemsOneOf("AdequacyDecision", "StandardContractualClauses", "BindingCorporateRules", "Certification", "ExplicitConsent", "RegulatorApproval", "IntergovernmentalAgreement")]
    [Description("Legal mechanisms that make a transfer lawful when the mode is MechanismRequired.")]
    public List<string> Mechanisms { get; set; } = [];
}

public sealed class EgressRules
{
    [ListSet]
    [ItemCount(0, 256)]
    [ItemsPattern("^([0-9]{1,3}\\.){3}[0-9]{1,3}/([0-9]|[12][0-9]|3[0-2])$|^[0-9a-fA-F:]+/[0-9]{1,3}$")]
    [Description("CIDR blocks workloads may reach. Everything not listed is denied.")]
    public List<string> AllowedCidrs { get; set; } = [];
}

public sealed class StorageRules
{
    [ListSet]
    [ItemCount(0, 64)]
    [Description("Storage classes whose volumes stay in the country. Empty means no persistent volumes are allowed.")]
    public List<string> AllowedStorageClasses { get; set; } = [];
}

public sealed class EncryptionRules
{
    [Default(true)]
    [Description("Data at rest must be encrypted.")]
    public bool AtRestRequired { get; set; } = true;

    [Default(true)]
    [Description("Encryption keys must be held in the country.")]
    public bool KeysInCountry { get; set; } = true;

    [Length(0, 256)]
    [Description("The in-country key-management service, e.g. a national HSM service.")]
    public string? KeyManagementService { get; set; }
}

public sealed class AuditRules
{
    [Minimum(1)]
    [Maximum(36500)]
    [Description("How many days audit logs are kept.")]
    public int RetentionDays { get; set; } = 365;
}

public sealed class BreachNotificationRules
{
    [Required]
    [Minimum(1)]
    [Maximum(8760)]
    [Description("Hours within which the regulator must be notified of a personal-data breach.")]
    public int Hours { get; set; } = 72;

    [Minimum(1)]
    [Maximum(8760)]
    [Description("Longest extension the regulator may grant, in hours, where the law allows one.")]
    public int? MaxExtendedHours { get; set; }

    [Length(0, 256)]
    [Description("The authority to notify.")]
    public string? Authority { get; set; }
}

public sealed class RepresentationRules
{
    [Description("A data-protection officer must be appointed.")]
    public bool DpoRequired { get; set; }

    [Description("A foreign provider must appoint a local representative.")]
    public bool LocalRepresentativeRequired { get; set; }
}

public sealed class AiObligations
{
    [Description("AI-generated output must be labelled as such.")]
    public bool OutputLabelling { get; set; }

    [Description("High-impact AI needs human oversight.")]
    public bool HumanOversight { get; set; }

    [Description("High-risk AI decisions must be logged.")]
    public bool HighRiskLogging { get; set; }

    [Description("An impact assessment is required before deploying high-impact AI.")]
    public bool ImpactAssessment { get; set; }
}

public sealed class SectorRule
{
    [Required]
    [Pattern(ApiGroup.DnsLabelPattern)]
    [Length(1, 63)]
    [Description("Name of the rule, e.g. medical-records.")]
    public string Name { get; set; } = string.Empty;

    [Required]
    [OneOf("Health", "Finance", "Government", "Education", "Telecom", "Energy", "Defense", "Legal")]
    [Description("The sector the rule applies to.")]
    public string Sector { get; set; } = string.Empty;

    [Pattern(ApiGroup.DataClassPattern)]
    [Description("The data class the sector's data belongs to.")]
    public string? DataClass { get; set; }

    [Description("The sector's data must stay in the country.")]
    public bool InCountryOnly { get; set; }

    [Length(0, 1024)]
    [Description("The rule in words, with its legal basis.")]
    public string? Description { get; set; }
}

public sealed class DataResidencyPolicyStatus : IResourceStatus
{
    [Description("The metadata.generation the status reflects.")]
    public long? ObservedGeneration { get; set; }

    [ListMap("type")]
    [Description("Current state; Ready is True when the policy is valid.")]
    public List<Condition> Conditions { get; set; } = [];

    [ListSet]
    [Description("SovereignProfiles that reference the policy.")]
    public List<string> Profiles { get; set; } = [];
}
