using SovereignOps.Api.Presets;
using SovereignOps.Api.Validation;

namespace SovereignOps.Api.Tests.Presets;

public sealed class CountryPresetTests
{
    public static TheoryData<string> Codes => ["TH", "SA", "KR", "EU", "AE"];

    [Fact]
    public void The_five_presets_are_shipped_in_order()
    {
        Assert.Equal(["TH", "SA", "KR", "EU", "AE"], CountryPresets.All.Select(p => p.Code));
        Assert.Equal("TH, SA, KR, EU, AE", CountryPresets.Codes);
    }

    [Theory]
    [InlineData("th", "TH")]
    [InlineData(" Kr ", "KR")]
    [InlineData("eu", "EU")]
    public void Find_ignores_case_and_surrounding_space(string code, string expected) =>
        Assert.Equal(expected, CountryPresets.Find(code)?.Code);

    [Theory]
    [InlineData("XX")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("THA")]
    public void Find_returns_null_for_a_country_without_a_preset(string? code) => Assert.Null(CountryPresets.Find(code));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Policy_country_regions_and_zones_agree_with_the_preset(string code)
    {
        var preset = CountryPresets.Find(code)!;
        var spec = preset.CreatePolicySpec();

        Assert.Equal(code, spec.Country);
        Assert.True(CountryCodes.IsKnown(spec.Country));
        Assert.Equal(preset.Regions.Select(r => r.Name), spec.Regions.Allowed);
        Assert.Equal("topology.kubernetes.io/region", spec.Regions.NodeLabelKey);
        Assert.Equal("topology.kubernetes.io/zone", spec.Regions.ZoneLabelKey);
        Assert.All(preset.Regions, r => Assert.All(r.Zones, zone => Assert.StartsWith(r.Name + "-", zone, StringComparison.Ordinal)));
        Assert.All(preset.Regions, r => Assert.StartsWith(code.ToLowerInvariant() + "-", r.Name, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_preset_cites_its_laws_and_is_marked_for_legal_review(string code)
    {
        var policy = CountryPresets.Find(code)!.CreatePolicy();

        Assert.NotEmpty(policy.Spec.Laws);
        Assert.All(policy.Spec.Laws, law => Assert.False(string.IsNullOrWhiteSpace(law.Citation)));
        Assert.Equal(LegalReview.Required, policy.Metadata.Annotations[LegalReview.AnnotationKey]);
        Assert.Equal(code, policy.Metadata.Annotations[LegalReview.PresetAnnotationKey]);
        Assert.Contains("not legal advice", policy.Metadata.Annotations[LegalReview.NoteAnnotationKey], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Referenced_data_classes_exist_and_the_workload_class_may_share_gpus(string code)
    {
        var preset = CountryPresets.Find(code)!;
        var spec = preset.CreatePolicySpec();
        var classes = spec.DataClasses.ToDictionary(c => c.Name);

        Assert.All(spec.SectorRules, rule => Assert.True(classes.ContainsKey(rule.DataClass!), $"{rule.Name} names {rule.DataClass}"));
        Assert.True(classes[preset.WorkloadDataClass].InCountryOnly);
        Assert.True(classes[preset.WorkloadDataClass].GpuSharingAllowed);
        Assert.False(classes.Values.Last().InCountryOnly);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_call_returns_an_independent_policy(string code)
    {
        var preset = CountryPresets.Find(code)!;
        var first = preset.CreatePolicySpec();
        first.DataClasses.Clear();
        first.Regions.Allowed.Add("elsewhere");

        var second = preset.CreatePolicySpec();
        Assert.NotEmpty(second.DataClasses);
        Assert.DoesNotContain("elsewhere", second.Regions.Allowed);
    }

    [Theory]
    [InlineData("TH")]
    [InlineData("SA")]
    [InlineData("KR")]
    [InlineData("EU")]
    public void Breach_notification_is_due_within_72_hours(string code) =>
        Assert.Equal(72, CountryPresets.Find(code)!.CreatePolicySpec().BreachNotification!.Hours);

    [Fact]
    public void Thailand_allows_a_late_breach_notice_up_to_15_days()
    {
        var breach = CountryPresets.Thailand.CreatePolicySpec().BreachNotification!;
        Assert.Equal(360, breach.MaxExtendedHours);
        Assert.Null(CountryPresets.SaudiArabia.CreatePolicySpec().BreachNotification!.MaxExtendedHours);
    }

    [Fact]
    public void Thailand_keeps_sensitive_personal_data_off_shared_gpus()
    {
        var spec = CountryPresets.Thailand.CreatePolicySpec();
        var sensitive = spec.DataClasses.Single(c => c.Name == "SensitivePersonalData");

        Assert.True(sensitive.InCountryOnly);
        Assert.False(sensitive.GpuSharingAllowed);
        Assert.Contains(spec.Laws, law => law.Name.Contains("B.E. 2562", StringComparison.Ordinal));
        Assert.Equal("MechanismRequired", spec.CrossBorder.Mode);
        Assert.True(spec.Representation!.DpoRequired);
        Assert.True(spec.Representation.LocalRepresentativeRequired);
    }

    [Fact]
    public void Saudi_classified_data_stays_in_the_kingdom_on_dedicated_unshared_gpus()
    {
        var classes = CountryPresets.SaudiArabia.CreatePolicySpec().DataClasses;

        Assert.Equal(["TopSecret", "Secret", "Restricted", "Public"], classes.Select(c => c.Name));
        Assert.All(classes.Take(2), c => Assert.True(c is { InCountryOnly: true, DedicatedNodes: true, GpuSharingAllowed: false }, c.Name));
        Assert.True(classes[2] is { InCountryOnly: true, DedicatedNodes: false });
        Assert.False(classes[3].InCountryOnly);
        Assert.True(CountryPresets.SaudiArabia.AirGapped);
    }

    [Fact]
    public void Korea_carries_the_ai_basic_act_obligations_and_keeps_medical_records_at_home()
    {
        var spec = CountryPresets.Korea.CreatePolicySpec();

        Assert.True(spec.AiObligations!.OutputLabelling);
        Assert.True(spec.AiObligations.HumanOversight);
        Assert.True(spec.AiObligations.HighRiskLogging);
        var records = spec.SectorRules.Single(r => r.Name == "electronic-medical-records");
        Assert.Equal("Health", records.Sector);
        Assert.True(records.InCountryOnly);
        Assert.Contains("Medical Service Act", records.Description, StringComparison.Ordinal);
        Assert.True(spec.DataClasses.Single(c => c.Name == records.DataClass).InCountryOnly);
        Assert.Contains(spec.Laws, law => law.Citation!.Contains("Art.31", StringComparison.Ordinal) && law.Name.Contains("Artificial Intelligence", StringComparison.Ordinal));
    }

    [Fact]
    public void The_eu_allows_transfers_under_adequacy_or_standard_clauses()
    {
        var spec = CountryPresets.EuropeanUnion.CreatePolicySpec();

        Assert.Equal("MechanismRequired", spec.CrossBorder.Mode);
        Assert.Contains("AdequacyDecision", spec.CrossBorder.Mechanisms);
        Assert.Contains("StandardContractualClauses", spec.CrossBorder.Mechanisms);
        Assert.Contains(spec.Laws, law => law.Name.StartsWith("General Data Protection Regulation", StringComparison.Ordinal));
        Assert.True(spec.AiObligations!.OutputLabelling);
    }

    [Fact]
    public void The_uae_keeps_health_data_in_the_country_under_its_health_data_law()
    {
        var spec = CountryPresets.UnitedArabEmirates.CreatePolicySpec();
        var health = spec.SectorRules.Single(r => r.Sector == "Health");

        Assert.Equal("HealthData", health.DataClass);
        Assert.True(health.InCountryOnly);
        Assert.Contains(spec.Laws, law => law.Name.Contains("Decree-Law No. 45 of 2021", StringComparison.Ordinal));
        Assert.Contains(spec.Laws, law => law.Name.Contains("Federal Law No. 2 of 2019", StringComparison.Ordinal));
        Assert.Null(spec.AiObligations);
    }
}
