using System.Text;
using SovereignOps.Api.Crds;

namespace SovereignOps.Api.Tests.Crds;

/// <summary>crds/ is exactly what the C# types generate: a change to a type without regenerating fails here.</summary>
public sealed class CrdGoldenTests
{
    private const string Hint = "run `make crds` and review the diff";

    private static string Folder => RepoPaths.Combine("crds");

    [Fact]
    public void Every_generated_crd_matches_its_checked_in_file_byte_for_byte()
    {
        foreach (var crd in CrdGenerator.GenerateAll())
        {
            var path = Path.Combine(Folder, CrdGenerator.FileName(crd));
            Assert.True(File.Exists(path), $"{path} is missing; {Hint}");

            var expected = Encoding.UTF8.GetBytes(CrdGenerator.ToYaml(crd));
            var actual = File.ReadAllBytes(path);

            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{path} differs from the CRD generated from the C# types; {Hint}");
        }
    }

    [Fact]
    public void The_folder_holds_no_crd_that_the_types_do_not_generate()
    {
        var generated = CrdGenerator.GenerateAll().Select(CrdGenerator.FileName).Order(StringComparer.Ordinal);
        var present = Directory.EnumerateFiles(Folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(generated, present);
    }

    [Fact]
    public void Generation_is_stable_across_runs()
    {
        var first = CrdGenerator.GenerateAll().Select(CrdGenerator.ToYaml);
        var second = CrdGenerator.GenerateAll().Select(CrdGenerator.ToYaml);

        Assert.Equal(first, second);
    }
}
