using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Presets;

// United Arab Emirates, as a contrast: a general data-protection law that allows transfers abroad next to
// a sector law that keeps health data in the country. Needs legal review: an engineering reading of the
// law, not legal advice.
//
// Legal basis:
// - Federal Decree-Law No. 45 of 2021 on the Protection of Personal Data (PDPL), in force 2 January 2022:
//   Art.9 breach notice to the UAE Data Office on becoming aware; Art.10 DPO where processing is high-risk
//   or involves sensitive data at scale; Art.22 transfers to countries with adequate protection or under
//   bilateral or multilateral agreements; Art.23 transfers by contract or with express consent otherwise.
//   Its Executive Regulation, which is to fix the notice period, has not been issued; the PDPL also excludes
//   government data and health data covered by its own law, which a government customer must have checked.
// - Federal Law No. 2 of 2019 on the Use of ICT in Health Fields, Art.13: health data about services
//   provided in the State is stored and processed in the State, save for cases a health authority decides.
// The notice period is set to 24 hours: the law says "immediately", and a day is stricter than the 72 hours
// the other presets carry. No AI statute is in force, so the preset sets no AI obligations.
internal static class UnitedArabEmiratesPreset
{
    public static CountryPreset Create() => new(Policy)
    {
        Code = "AE",
        Name = "United Arab Emirates",
        Slug = "united-arab-emirates",
        Regions =
        [
            new("ae-abudhabi", "Abu Dhabi", ["ae-abudhabi-a", "ae-abudhabi-b"]),
            new("ae-dubai", "Dubai", ["ae-dubai-a", "ae-dubai-b"]),
        ],
        Languages = ["ar", "en"],
        GovernmentDomain = "gov.ae",
        WorkloadDataClass = "PersonalData",
        AirGapped = false,
    };

    private static DataResidencyPolicySpec Policy(IReadOnlyList<PresetRegion> regions) => new()
    {
        Country = "AE",
        DisplayName = "United Arab Emirates",
        Laws =
        [
            PresetDefaults.Law(
                "Federal Decree-Law No. 45 of 2021 on the Protection of Personal Data",
                "Art.9 breach notice; Art.10 DPO; Arts.22-23 transfers abroad"),
            PresetDefaults.Law(
                "Federal Law No. 2 of 2019 on the Use of ICT in Health Fields",
                "Art.13 health data stored and processed in the State"),
        ],
        DataClasses =
        [
            PresetDefaults.Class(
                "HealthData",
                "Health information about services provided in the UAE (ICT Health Law).",
                inCountryOnly: true, dedicatedNodes: false, gpuSharingAllowed: false),
            PresetDefaults.Class(
                "SensitivePersonalData",
                "PDPL sensitive data: family, racial origin, political or religious views, criminal record, biometrics and similar.",
                inCountryOnly: true, dedicatedNodes: false, gpuSharingAllowed: true),
            PresetDefaults.Class(
                "PersonalData",
                "Data relating to an identified or identifiable natural person.",
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
            Mechanisms = ["AdequacyDecision", "IntergovernmentalAgreement", "StandardContractualClauses", "ExplicitConsent"],
        },
        Egress = PresetDefaults.PrivateNetworksOnly(),
        Storage = PresetDefaults.InClusterStorage(),
        Encryption = PresetDefaults.KeysHeldInCountry("Customer-operated HSM in the UAE"),
        Audit = new AuditRules { RetentionDays = 365 },
        BreachNotification = new BreachNotificationRules
        {
            Hours = 24,
            Authority = "UAE Data Office",
        },
        Representation = new RepresentationRules { DpoRequired = true, LocalRepresentativeRequired = false },
        SectorRules =
        [
            new SectorRule
            {
                Name = "health-data",
                Sector = "Health",
                DataClass = "HealthData",
                InCountryOnly = true,
                Description = "Health data about services provided in the UAE is stored and processed in the UAE (Federal Law No. 2 of 2019, Art.13).",
            },
        ],
    };
}
