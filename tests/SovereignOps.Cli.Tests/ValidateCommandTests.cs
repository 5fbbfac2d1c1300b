using System.Text.Json;

namespace SovereignOps.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private const string Namespace = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: moph\n";

    private const string BrokenPool = """
        apiVersion: sovereignops.io/v1alpha1
        kind: GpuPool
        metadata:
          name: moph-h100
        spec:
          profileRef: {name: moph}
          region: th-bangkok
          nodeSelector: {sovereignops.io/pool: moph-h100}
          nodeCount: 2
          gpu: {model: H100-80GB, memoryGiB: 80, perNode: -8, interconnect: NVLink}
          partitioning: {mode: None}
          replicaz: 3
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("sovereignctl-validate-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_clean_folder_exits_0_with_a_summary()
    {
        Write("tenant/namespace.yaml", Namespace);
        Write("nodes.yml", "apiVersion: v1\nkind: Node\nmetadata:\n  name: gpu-01\n");

        var (exitCode, output) = await ValidateCli.Run("validate", _root);

        Assert.Equal(CliApp.ExitOk, exitCode);
        Assert.Equal("valid: 2 objects in 2 files (1 Namespace, 1 Node)", output.Trim());
    }

    [Fact]
    public async Task Errors_are_printed_one_per_line_sorted_by_file_and_line_and_exit_1()
    {
        var pools = Write("pools.yaml", BrokenPool);
        var other = Write("a/extra.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n");

        var (exitCode, output) = await ValidateCli.Run("validate", _root);

        Assert.Equal(CliApp.ExitInvalid, exitCode);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"{other}:2: kind: unknown kind \"Deployment\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{pools}:10: spec.gpu.perNode: ", lines[1], StringComparison.Ordinal);
        Assert.Contains("greater than or equal to 1", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{pools}:12: spec.replicaz: unknown field \"replicaz\"", lines[2], StringComparison.Ordinal);
        Assert.Equal("invalid: 3 errors in 2 of 2 files", lines[3]);
    }

    [Fact]
    public async Task Json_output_is_one_parseable_document()
    {
        var pools = Write("pools.yaml", BrokenPool);
        Write("namespace.yaml", Namespace);

        var (exitCode, output) = await ValidateCli.Run("validate", "-o", "json", _root);

        Assert.Equal(CliApp.ExitInvalid, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        var first = root.GetProperty("errors")[0];
        Assert.Equal(pools, first.GetProperty("file").GetString());
        Assert.Equal(10, first.GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Number, first.GetProperty("column").ValueKind);
        Assert.Equal("spec.gpu.perNode", first.GetProperty("path").GetString());
        Assert.Equal(2, root.GetProperty("errors").GetArrayLength());
        Assert.Equal(1, root.GetProperty("objects").GetProperty("GpuPool").GetInt32());
        Assert.Equal(1, root.GetProperty("objects").GetProperty("Namespace").GetInt32());
    }

    [Fact]
    public async Task Json_output_of_a_valid_bundle_says_so()
    {
        Write("namespace.yaml", Namespace);

        var (exitCode, output) = await ValidateCli.Run("validate", "--output", "json", _root);

        Assert.Equal(CliApp.ExitOk, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task A_path_that_does_not_exist_is_a_usage_error()
    {
        var missing = Path.Combine(_root, "no-such-folder");

        var (exitCode, output) = await ValidateCli.Run("validate", missing);

        Assert.Equal(CliApp.ExitUsage, exitCode);
        Assert.Contains($"no such file or folder: {missing}", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "-o", "yaml", ".")]
    [InlineData("validate", "--strictly", ".")]
    public async Task Bad_arguments_are_usage_errors(params string[] args)
    {
        var (exitCode, _) = await ValidateCli.Run(args);

        Assert.Equal(CliApp.ExitUsage, exitCode);
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
