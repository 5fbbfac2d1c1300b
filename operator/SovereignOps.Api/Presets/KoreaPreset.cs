using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Presets;

// Republic of Korea. Needs legal review: an engineering reading of the law, not legal advice.
//
// Legal basis:
// - Personal Information Protection Act (PIPA), as amended in force 15 September 2023: Art.23 sensitive
//   information (health among it); Art.28-8 overseas transfer (consent, treaty, PIPC certification of the
//   recipient, recognition of the recipient country, or entrustment disclosed to the data subject); Art.31
//   privacy officer; Art.31-2 domestic agent; Art.34 breach notice, reported to the PIPC or KISA within
//   72 hours under the Enforcement Decree.
// - PIPC Standards for Ensuring the Safety of Personal Information: access records kept at least two years
//   where sensitive or unique identifying information is processed.
// - Framework Act on the Development of Artificial Intelligence and the Establishment of a Foundation for
//   Trust (AI Basic Act), in force 22 January 2026: Art.31 advance notice and labelling of generative-AI
//   output; Arts.33-34 high-impact AI (risk management, explanation, user protection, human oversight,
//   documentation); Art.35 impact assessment (a duty to endeavour, taken here as required); Art.36 domestic
//   agent for providers abroad.
// - Medical Service Act, Art.23 electronic medical records and its Enforcement Rule: electronic medical
//   records are not stored outside Korea.
// - National Network Security Framework (N2SF, National Intelligence Service): public-sector information
//   graded Classified, Sensitive or Open.
internal static class KoreaPreset
{
    public static CountryPreset Create() => new(Policy)
    {
        Code = "KR",
        Name = "Republic of Korea",
        Slug = "korea",
        Regions =
        [
            new("kr-seoul", "Seoul", ["kr-seoul-a", "kr-seoul-b", "kr-seoul-c"]),
            new("kr-busan", "Busan", ["kr-busan-a", "kr-busan-b"]),
            new("kr-gwangju", "Gwangju", ["kr-gwangju-a", "kr-gwangju-b"]),
        ],
        Languages = ["ko", "en"],
        GovernmentDomain = "go.kr",
        WorkloadDataClass = "Sensitive",
        AirGapped = true,
    };

    private static DataResidencyPolicySpec Policy(IReadOnlyList<PresetRegion> regions) => new()
    {
        Country = "KR",
        DisplayName = "Republic of Korea",
        Laws =
        [
            PresetDefaults.Law(
                "Personal Information Protection Act",
                "Art.23 sensitive information; Art.28-8 overseas transfer; Art.31 privacy officer; Art.31-2 domestic agent; Art.34 breach notice"),
            PresetDefaults.Law(
                "Framework Act on the Development of Artificial Intelligence and the Establishment of a Foundation for Trust",
                "Art.31 generative-AI notice and labelling; Arts.33-34 high-impact AI; Art.35 impact assessment; Art.36 domestic agent"),
            PresetDefaults.Law(
                "Medical Service Act",
                "Art.23 electronic medical records and Enforcement Rule: records kept in Korea"),
            PresetDefaults.Law(
                "National Network Security Framework (N2SF)",
                "Classified, Sensitive and Open grades of public-sector information"),
        ],
        DataClasses =
        [
            PresetDefaults.Class(
                "Classified",
                "N2SF grade C: secrets and information on national security, defence, diplomacy and investigations.",
                inCountryOnly: true, dedicatedNodes: true, gpuSharingAllowed: false),
            PresetDefaults.Class(
                "MedicalRecords",
                "Electronic medical records under the Medical Service Act, sensitive information under PIPA Art.23.",
                inCountryOnly: true, dedicatedNodes: false, gpuSharingAllowed: false),
            PresetDefaults.Class(
                "Sensitive",
                "N2SF grade S: non-public information whose disclosure would harm a person or the state, including personal information.",
                inCountryOnly: true, dedicatedNodes: false, gpuSharingAllowed: true),
            PresetDefaults.Class(
                "Open",
                "N2SF grade O: every other public-sector information.",
                inCountryOnly: false, dedicatedNodes: false, gpuSharingAllowed: true),
        ],
        Regions = PresetDefaults.AllowAll(regions),
        CrossBorder = new CrossBorderRules
        {
            Mode = "MechanismRequired",
            Mechanisms = ["ExplicitConsent", "IntergovernmentalAgreement", "Certification", "AdequacyDecision"],
        },
        Egress = PresetDefaults.PrivateNetworksOnly(),
        Storage = PresetDefaults.InClusterStorage(),
        Encryption = PresetDefaults.KeysHeldInCountry("Customer-operated HSM in Korea"),
        Audit = new AuditRules { RetentionDays = 730 },
        BreachNotification = new BreachNotificationRules
        {
            Hours = 72,
            Authority = "Personal Information Protection Commission (PIPC) or KISA",
        },
        Representation = new RepresentationRules { DpoRequired = true, LocalRepresentativeRequired = true },
        AiObligations = new AiObligations
        {
            OutputLabelling = true,
            HumanOversight = true,
            HighRiskLogging = true,
            ImpactAssessment = true,
        },
        SectorRules =
        [
            new SectorRule
            {
                Name = "electronic-medical-records",
                Sector = "Health",
                DataClass = "MedicalRecords",
                InCountryOnly = true,
                Description = "Electronic medical records are kept and processed in Korea (Medical Service Act Art.23 and its Enforcement Rule).",
            },
        ],
    };
}
