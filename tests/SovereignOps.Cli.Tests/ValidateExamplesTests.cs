namespace SovereignOps.Cli.Tests;

/// <summary><c>sovereignctl validate</c> on the checked-in examples: the countries pass, every broken file fails as announced.</summary>
public sealed class ValidateExamplesTests
{
    private const string ExpectPrefix = "# expect: ";

    public static TheoryData<string> InvalidFiles => new(
        Directory.EnumerateFiles(RepoPaths.Combine("examples", "invalid"), "*.yaml").Order(StringComparer.Ordinal));

    [Fact]
    public async Task The_three_countries_validate_with_exit_0()
    {
        var (exitCode, output) = await ValidateCli.Run("validate",
            RepoPaths.Combine("examples", "thailand"), RepoPaths.Combine("examples", "saudi-arabia"), RepoPaths.Combine("examples", "korea"));

        Assert.Equal(CliApp.ExitOk, exitCode);
        Assert.StartsWith("valid: ", output, StringComparison.Ordinal);
        Assert.Contains("3 SovereignProfile", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task Each_broken_example_exits_1_naming_the_line_and_field(string file)
    {
        var expected = $"{file}:{File.ReadLines(file).First()[ExpectPrefix.Length..]}";

        var (exitCode, output) = await ValidateCli.Run("validate", file);

        Assert.Equal(CliApp.ExitInvalid, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.EndsWith("of 1 file", output.TrimEnd(), StringComparison.Ordinal);
    }
}
