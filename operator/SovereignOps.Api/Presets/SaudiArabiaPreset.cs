using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Presets;

// Saudi Arabia. Needs legal review: an engineering reading of the law, not legal advice.
//
// Legal basis:
// - Personal Data Protection Law, Royal Decree M/19 of 9/2/1443H as amended by Royal Decree M/148 of
//   5/9/1444H, enforced by SDAIA since 14 September 2024: Art.29 transfers outside the Kingdom; its
//   Implementing Regulation: breach notice to SDAIA within 72 hours of becoming aware, a DPO for public
//   entities and for large-scale or sensitive processing, a representative in the Kingdom for controllers
//   abroad.
// - Regulation on Personal Data Transfer outside the Kingdom (SDAIA, September 2024): adequacy decisions
//   and international agreements, otherwise standard contractual clauses, binding common rules or a
//   certificate of accreditation.
// - NDMO Data Management and Personal Data Protection Standards, Data Classification domain: government
//   data is Top Secret, Secret, Restricted or Public.
// - NCA Cloud Cybersecurity Controls: classified government data is hosted and processed inside the Kingdom;
//   event logs are kept at least 12 months.
// Classified levels get dedicated nodes and no GPU sharing: hardware partitions (MIG) and time-slicing
// both put another workload on the same device. SDAIA's AI Ethics Principles are guidance rather than
// binding duties, so the preset sets no AI obligations.
internal static class SaudiArabiaPreset
{
    public static CountryPreset Create() => new(Policy)
    {
        Code = "SA",
        Name = "Kingdom of Saudi Arabia",
        Slug = "saudi-arabia",
        Regions =
        [
            new("sa-riyadh", "Riyadh", ["sa-riyadh-a", "sa-riyadh-b", "sa-riyadh-c"]),
            new("sa-jeddah", "Jeddah", ["sa-jeddah-a", "sa-jeddah-b"]),
            new("sa-dammam", "Dammam", ["sa-dammam-a", "sa-dammam-b"]),
        ],
        Languages = ["ar", "en"],
        GovernmentDomain = "gov.sa",
        WorkloadDataClass = "Restricted",
        AirGapped = true,
    };

    private static DataResidencyPolicySpec Policy(IReadOnlyList<PresetRegion> regions) => new()
    {
        Country = "SA",
        DisplayName = "Kingdom of Saudi Arabia",
        Laws =
        [
            PresetDefaults.Law(
                "Personal Data Protection Law (Royal Decree M/19, amended by M/148) and its Implementing Regulation",
                "Art.29 transfers abroad; 72-hour breach notice to SDAIA; DPO; representative in the Kingdom"),
            PresetDefaults.Law(
                "Regulation on Personal Data Transfer outside the Kingdom (2024)",
                "adequacy; standard contractual clauses, binding common rules, certificate of accreditation"),
            PresetDefaults.Law(
                "NDMO Data Management and Personal Data Protection Standards",
                "Data Classification: Top Secret, Secret, Restricted, Public"),
            PresetDefaults.Law(
                "NCA Cloud Cybersecurity Controls",
                "classified data hosted in the Kingdom; event logs kept at least 12 months"),
        ],
        DataClasses =
        [
            PresetDefaults.Class(
                "TopSecret",
                "Government data whose disclosure would cause exceptionally grave damage to national interests.",
                inCountryOnly: true, dedicatedNodes: true, gpuSharingAllowed: false),
            PresetDefaults.Class(
                "Secret",
                "Government data whose disclosure would cause grave damage to national interests.",
                inCountryOnly: true, dedicatedNodes: true, gpuSharingAllowed: false),
            PresetDefaults.Class(
                "Restricted",
                "Government and personal data whose disclosure would cause limited harm; kept in the Kingdom.",
                inCountryOnly: true, dedicatedNodes: false, gpuSharingAllowed: true),
            PresetDefaults.Class(
                "Public",
                "Data whose disclosure causes no harm, e.g. open data.",
                inCountryOnly: false, dedicatedNodes: false, gpuSharingAllowed: true),
        ],
        Regions = PresetDefaults.AllowAll(regions),
        CrossBorder = new CrossBorderRules
        {
            Mode = "MechanismRequired",
            Mechanisms = ["AdequacyDecision", "IntergovernmentalAgreement", "StandardContractualClauses", "BindingCorporateRules", "Certification"],
        },
        Egress = PresetDefaults.PrivateNetworksOnly(),
        Storage = PresetDefaults.InClusterStorage(),
        Encryption = PresetDefaults.KeysHeldInCountry("Customer-operated HSM in the Kingdom"),
        Audit = new AuditRules { RetentionDays = 365 },
        BreachNotification = new BreachNotificationRules
        {
            Hours = 72,
            Authority = "Saudi Data & AI Authority (SDAIA)",
        },
        Representation = new RepresentationRules { DpoRequired = true, LocalRepresentativeRequired = true },
        SectorRules =
        [
            new SectorRule
            {
                Name = "government-data",
                Sector = "Government",
                DataClass = "Restricted",
                InCountryOnly = true,
                Description = "Government data of every classified level is hosted and processed in the Kingdom (NCA Cloud Cybersecurity Controls, NDMO standards).",
            },
        ],
    };
}
