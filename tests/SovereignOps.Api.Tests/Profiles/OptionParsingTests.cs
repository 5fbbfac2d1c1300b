using SovereignOps.Api.Profiles;

namespace SovereignOps.Api.Tests.Profiles;

public sealed class OptionParsingTests
{
    [Theory]
    [InlineData("H100-80GB:16", "H100-80GB", 16, null, null)]
    [InlineData("L40S-48GB:8:th-north", "L40S-48GB", 8, "th-north", null)]
    [InlineData(" H100-80GB : 8 : sa-jeddah : 3g.40gb ", "H100-80GB", 8, "sa-jeddah", "3g.40gb")]
    public void A_gpu_option_names_model_count_and_optionally_region_and_mig(string text, string model, int count, string? region, string? mig)
    {
        var parsed = GpuRequest.Parse(text);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(new GpuRequest(model, count, region, mig), parsed.Value);
    }

    [Theory]
    [InlineData("H100-80GB", "expected MODEL:COUNT")]
    [InlineData("H100-80GB:", "expected MODEL:COUNT")]
    [InlineData(":8", "expected MODEL:COUNT")]
    [InlineData("H100-80GB:8:th-north:3g.40gb:extra", "expected MODEL:COUNT")]
    [InlineData("H100-80GB:0", "at least 1")]
    [InlineData("H100-80GB:-8", "at least 1")]
    [InlineData("H100-80GB:eight", "whole number")]
    [InlineData("H100-80GB:1.5", "whole number")]
    public void A_malformed_gpu_option_is_refused_with_the_text_quoted(string text, string expected)
    {
        var parsed = GpuRequest.Parse(text);

        Assert.False(parsed.Succeeded);
        Assert.Contains($"--gpu '{text}'", parsed.Error, StringComparison.Ordinal);
        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_option_defaults_to_text()
    {
        var parsed = ModelRequest.Parse("typhoon:70:bf16");

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal("typhoon", parsed.Value.Name);
        Assert.Equal(70, parsed.Value.ParametersBillions);
        Assert.Equal("bf16", parsed.Value.Precision);
        Assert.Equal(["text"], parsed.Value.Modalities);
    }

    [Fact]
    public void A_model_option_reads_fractional_sizes_and_joined_modalities()
    {
        var parsed = ModelRequest.Parse("omni-voice:7.5:FP8:text+Speech+speech");

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(7.5, parsed.Value.ParametersBillions);
        Assert.Equal("fp8", parsed.Value.Precision);
        Assert.Equal(["text", "speech"], parsed.Value.Modalities);
    }

    [Theory]
    [InlineData("typhoon:70", "expected NAME:PARAMS_B:PRECISION")]
    [InlineData("Typhoon:70:bf16", "must be a DNS label")]
    [InlineData("typhoon:seventy:bf16", "PARAMS_B 'seventy'")]
    [InlineData("typhoon:0:bf16", "between 0.01 and 10000")]
    [InlineData("typhoon:70:fp4", "PRECISION 'fp4' must be one of bf16, fp16, fp8, int8, int4")]
    [InlineData("typhoon:70:bf16:text+smell", "modality 'smell'")]
    public void A_malformed_model_option_is_refused_with_the_reason(string text, string expected)
    {
        var parsed = ModelRequest.Parse(text);

        Assert.False(parsed.Succeeded);
        Assert.Contains($"--model '{text}'", parsed.Error, StringComparison.Ordinal);
        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ministry of Digital Economy and Society", "mdes")]
    [InlineData("National IT Industry Promotion Agency", "nitipa")]
    [InlineData("Saudi Data & AI Authority", "sdaia")]
    [InlineData("Acme", "acme")]
    [InlineData("กระทรวงดิจิทัล", "tenant")]
    [InlineData("  ", "tenant")]
    public void Customer_names_shorten_to_a_dns_label(string customer, string slug) =>
        Assert.Equal(slug, CustomerNames.Slug(customer));
}
