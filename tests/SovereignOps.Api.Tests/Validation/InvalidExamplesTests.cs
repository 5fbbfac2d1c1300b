using SovereignOps.Api.Validation;

namespace SovereignOps.Api.Tests.Validation;

/// <summary>Every file in examples/invalid is rejected with the error its first line announces.</summary>
public sealed class InvalidExamplesTests
{
    private const string ExpectPrefix = "# expect: ";

    private static string Folder => RepoPaths.Combine("examples", "invalid");

    public static TheoryData<string> Files => new(
        Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void There_are_at_least_twenty_broken_examples_and_each_announces_its_error()
    {
        var files = Directory.GetFiles(Folder, "*.yaml");

        Assert.True(files.Length >= 20, $"only {files.Length} files in {Folder}");
        Assert.All(files, file => Assert.StartsWith(ExpectPrefix, File.ReadLines(file).First(), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_is_rejected_with_its_expected_error(string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        var expected = fileName + ":" + File.ReadLines(path).First()[ExpectPrefix.Length..];

        var report = BundleValidation.ValidatePaths([path]);

        Assert.False(report.Valid);
        Assert.True(
            report.Errors.Any(e => e.ToString().Contains(expected, StringComparison.Ordinal)),
            $"expected an error containing\n  {expected}\nbut got\n  {string.Join("\n  ", report.Errors)}");
    }
}
