using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Presets;

// Thailand. Needs legal review: an engineering reading of the law, not legal advice.
//
// Legal basis:
// - Personal Data Protection Act B.E. 2562 (2019), fully in force since 1 June 2022:
//   s.26 sensitive personal data; ss.28-29 transfers abroad (PDPC whitelist, certified binding corporate
//   rules, or appropriate safeguards such as standard contractual clauses and certification, plus the
//   consent and contract exceptions of s.28); s.37(4) breach notice to the PDPC Office within 72 hours of
//   becoming aware; s.37(5) a representative in Thailand for controllers abroad; s.41 DPO for public
//   authorities and for large-scale or sensitive processing.
// - PDPC Notification on Criteria and Procedures for Personal Data Breach Notification B.E. 2565 (2022):
//   a notice that cannot be made within 72 hours may still be made, with reasons, up to 15 days after the
//   controller became aware.
// - PDPC Notifications on cross-border transfer under ss.28 and 29, B.E. 2566 (2023), in force 24 March 2024.
// - Regulation on the Maintenance of Official Secrets B.E. 2544 (2001): Top Secret, Secret and Confidential.
// - Computer Crime Act B.E. 2550 (2007), s.26: service providers keep computer traffic data for at least
//   90 days; the preset keeps audit logs for a year.
// Thailand has no AI statute in force, so the preset sets no AI obligations.
internal static class ThailandPreset
{
    public static CountryPreset Create() => new(Policy)
    {
        Code = "TH",
        Name = "Kingdom of Thailand",
        Slug = "thailand",
        Regions =
        [
            new("th-central", "Bangkok", ["th-central-a", "th-central-b", "th-central-c"]),
            new("th-north", "Chiang Mai", ["th-north-a", "th-north-b"]),
            new("th-east", "Chonburi", ["th-east-a", "th-east-b"]),
        ],
        Languages = ["th", "en"],
        GovernmentDomain = "go.th",
        WorkloadDataClass = "PersonalData",
        AirGapped = false,
    };

    private static DataResidencyPolicySpec Policy(IReadOnlyList<PresetRegion> regions) => new()
    {
        Country = "TH",
        DisplayName = "Kingdom of Thailand",
        Laws =
        [
            PresetDefaults.Law(
                "Personal Data Protection Act B.E. 2562 (2019)",
                "s.26 sensitive data; ss.28-29 transfers abroad; s.37(4) breach notice; s.37(5) representative; s.41 DPO"),
            PresetDefaults.Law(
                "PDPC Notification on Personal Data Breach Notification B.E. 2565 (2022)",
                "72-hour notice; a late notice with reasons no later than 15 days after awareness"),
            PresetDefaults.Law(
                "Regulation on the Maintenance of Official Secrets B.E. 2544 (2001)",
                "Top Secret, Secret and Confidential official information"),
            PresetDefaults.Law(
                "Computer Crime Act B.E. 2550 (2007)",
                "s.26 traffic data kept at least 90 days"),
        ],
        DataClasses =
        [
            PresetDefaults.Class(
                "OfficialSecret",
                "Information classified Top Secret, Secret or Confidential under the official-secrets regulation.",
                inCountryOnly: true, dedicatedNodes: true, gpuSharingAllowed: false),
            PresetDefaults.Class(
                "SensitivePersonalData",
                "PDPA s.26 data: race, ethnicity, political opinion, religion, sexual behaviour, criminal record, health, disability, trade-union, genetic and biometric data.",
                inCountryOnly: true, dedicatedNodes: false, gpuSharingAllowed: false),
            PresetDefaults.Class(
                "PersonalData",
                "Other data that identifies a person, directly or indirectly (PDPA s.6).",
                inCountryOnly: true, dedicatedNodes: false, gpuSharingAllowed: true),
            PresetDefaults.Class(
                "Public",
                "Information the customer publishes or may disclose.",
                inCountryOnly: false, dedicatedNodes: false, gpuSharingAllowed: true),
        ],
        Regions = PresetDefaults.AllowAll(regions),
        CrossBorder = new CrossBorderRules
        {
            Mode = "MechanismRequired",
            Mechanisms = ["AdequacyDecision", "BindingCorporateRules", "StandardContractualClauses", "Certification", "ExplicitConsent"],
        },
        Egress = PresetDefaults.PrivateNetworksOnly(),
        Storage = PresetDefaults.InClusterStorage(),
        Encryption = PresetDefaults.KeysHeldInCountry("Customer-operated HSM in Thailand"),
        Audit = new AuditRules { RetentionDays = 365 },
        BreachNotification = new BreachNotificationRules
        {
            Hours = 72,
            MaxExtendedHours = 15 * 24,
            Authority = "Office of the Personal Data Protection Committee (PDPC)",
        },
        Representation = new RepresentationRules { DpoRequired = true, LocalRepresentativeRequired = true },
    };
}
