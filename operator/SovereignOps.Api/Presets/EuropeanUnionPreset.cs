using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Presets;

// European Union, as a contrast to the sovereign presets: personal data may leave the Union when a
// transfer mechanism covers it. Needs legal review: an engineering reading of the law, not legal advice.
//
// Legal basis:
// - General Data Protection Regulation, Regulation (EU) 2016/679: Art.9 special categories; Art.27
//   representative in the Union for controllers established outside it; Art.33 breach notice to the
//   supervisory authority within 72 hours; Art.37 DPO (always for public authorities); Chapter V, Arts.44-49:
//   adequacy decisions (Art.45), standard contractual clauses and other appropriate safeguards (Art.46),
//   binding corporate rules (Art.47), certification (Arts.42 and 46), explicit consent as a derogation (Art.49).
// - Artificial Intelligence Act, Regulation (EU) 2024/1689: Art.12 record-keeping and Art.14 human
//   oversight of high-risk systems; Art.27 fundamental-rights impact assessment by public deployers;
//   Art.50 marking of AI-generated content.
// "In country" reads as "in the Union" here; regions are the customer's EU data-centre sites.
internal static class EuropeanUnionPreset
{
    public static CountryPreset Create() => new(Policy)
    {
        Code = "EU",
        Name = "European Union",
        Slug = "european-union",
        Regions =
        [
            new("eu-frankfurt", "Frankfurt", ["eu-frankfurt-a", "eu-frankfurt-b", "eu-frankfurt-c"]),
            new("eu-paris", "Paris", ["eu-paris-a", "eu-paris-b"]),
            new("eu-dublin", "Dublin", ["eu-dublin-a", "eu-dublin-b"]),
        ],
        Languages = ["en", "de", "fr"],
        GovernmentDomain = "europa.eu",
        WorkloadDataClass = "PersonalData",
        AirGapped = false,
    };

    private static DataResidencyPolicySpec Policy(IReadOnlyList<PresetRegion> regions) => new()
    {
        Country = "EU",
        DisplayName = "European Union",
        Laws =
        [
            PresetDefaults.Law(
                "General Data Protection Regulation (EU) 2016/679",
                "Art.9 special categories; Art.27 representative; Art.33 breach notice; Art.37 DPO; Arts.44-49 transfers",
                url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj"),
            PresetDefaults.Law(
                "Artificial Intelligence Act (EU) 2024/1689",
                "Art.12 record-keeping; Art.14 human oversight; Art.27 impact assessment; Art.50 transparency",
                url: "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"),
        ],
        DataClasses =
        [
            PresetDefaults.Class(
                "SpecialCategoryData",
                "GDPR Art.9 data: racial or ethnic origin, political opinions, beliefs, trade-union membership, genetic, biometric, health, sex life or orientation.",
                inCountryOnly: true, dedicatedNodes: false, gpuSharingAllowed: false),
            PresetDefaults.Class(
                "PersonalData",
                "Information relating to an identified or identifiable natural person (GDPR Art.4(1)).",
                inCountryOnly: true, dedicatedNodes: false, gpuSharingAllowed: true),
            PresetDefaults.Class(
                "Public",
                "Information published or cleared for publication.",
                inCountryOnly: false, dedicatedNodes: false, gpuSharingAllowed: true),
        ],
        Regions = PresetDefaults.AllowAll(regions),
        CrossBorder = new CrossBorderRules
        {
            Mode = "MechanismRequired",
            Mechanisms = ["AdequacyDecision", "StandardContractualClauses", "BindingCorporateRules", "Certification", "ExplicitConsent"],
        },
        Egress = PresetDefaults.PrivateNetworksOnly(),
        Storage = PresetDefaults.InClusterStorage(),
        Encryption = PresetDefaults.KeysHeldInCountry("Customer-operated HSM in the Union"),
        Audit = new AuditRules { RetentionDays = 365 },
        BreachNotification = new BreachNotificationRules
        {
            Hours = 72,
            Authority = "The competent (lead) supervisory authority",
        },
        Representation = new RepresentationRules { DpoRequired = true, LocalRepresentativeRequired = true },
        AiObligations = new AiObligations
        {
            OutputLabelling = true,
            HumanOversight = true,
            HighRiskLogging = true,
            ImpactAssessment = true,
        },
    };
}
