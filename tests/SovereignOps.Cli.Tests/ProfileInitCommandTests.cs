using Spectre.Console;
using SovereignOps.Api.Presets;
using SovereignOps.Api.Profiles;

namespace SovereignOps.Cli.Tests;

public sealed class ProfileInitCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "sovereignctl-profile-init", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 1000;
        var exitCode = await CliApp.RunAsync(args, console);
        return (exitCode, writer.ToString());
    }

    private Task<(int ExitCode, string Output)> Init(params string[] extra) =>
        Run(["profile", "init", "--country", "TH", "--customer", "Ministry of Digital Economy and Society", "--out", _out, .. extra]);

    [Fact]
    public async Task Writes_every_file_of_the_bundle_and_reminds_of_legal_review()
    {
        var (exitCode, output) = await Init();

        Assert.Equal(CliApp.ExitOk, exitCode);
        Assert.All(BundleLayout.Files, file => Assert.True(File.Exists(Path.Combine(_out, file)), file));
        Assert.Contains($"wrote {Path.Combine(_out, BundleLayout.Policy)}", output, StringComparison.Ordinal);
        Assert.Contains("not legal advice", output, StringComparison.Ordinal);
        Assert.Contains("kind: DataResidencyPolicy", await File.ReadAllTextAsync(Path.Combine(_out, BundleLayout.Policy)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TH", "Office of the National AI Service")]
    [InlineData("SA", "National Sovereign AI Center")]
    [InlineData("KR", "Korea Public AI Infrastructure Agency")]
    [InlineData("EU", "Directorate-General for Digital Services")]
    [InlineData("AE", "Emirates Health Data Office")]
    public async Task What_init_writes_passes_validate_unchanged(string country, string customer)
    {
        var init = await Run("profile", "init", "--country", country, "--customer", customer, "--out", _out,
            "--gpu", "H100-80GB:16", "--gpu", $"H100-80GB:8:{FirstRegion(country)}:3g.40gb");
        Assert.Equal(CliApp.ExitOk, init.ExitCode);

        var (exitCode, output) = await Run("validate", _out);

        Assert.True(exitCode == CliApp.ExitOk, output);
        Assert.StartsWith("valid: ", output.Trim(), StringComparison.Ordinal);
    }

    private static string FirstRegion(string country) => CountryPresets.Find(country)!.Regions[0].Name;

    [Fact]
    public async Task Repeated_gpu_and_model_options_each_add_a_pool_or_a_model()
    {
        var (exitCode, _) = await Init("--gpu", "H100-80GB:16", "--gpu", "L40S-48GB:4:th-north", "--model", "typhoon:70:bf16", "--model", "whisper-th:2:bf16:speech");

        Assert.Equal(CliApp.ExitOk, exitCode);
        var pools = await File.ReadAllTextAsync(Path.Combine(_out, BundleLayout.Pools));
        var models = await File.ReadAllTextAsync(Path.Combine(_out, BundleLayout.Models));
        Assert.Contains("name: mdes-h100-th-central", pools, StringComparison.Ordinal);
        Assert.Contains("name: mdes-l40s-th-north", pools, StringComparison.Ordinal);
        Assert.Contains("name: typhoon", models, StringComparison.Ordinal);
        Assert.Contains("name: whisper-th", models, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_to_overwrite_an_existing_file_and_names_it()
    {
        Assert.Equal(CliApp.ExitOk, (await Init()).ExitCode);
        var profile = Path.Combine(_out, BundleLayout.Profile);
        await File.WriteAllTextAsync(profile, "# edited by hand\n");

        var (exitCode, output) = await Init();

        Assert.Equal(CliApp.ExitInvalid, exitCode);
        Assert.Contains($"error: {profile} already exists; use --force to overwrite it", output, StringComparison.Ordinal);
        Assert.Equal("# edited by hand\n", await File.ReadAllTextAsync(profile));
    }

    [Fact]
    public async Task Writes_nothing_when_any_target_exists()
    {
        Directory.CreateDirectory(_out);
        await File.WriteAllTextAsync(Path.Combine(_out, BundleLayout.Nodes), "# my nodes\n");

        var (exitCode, output) = await Init();

        Assert.Equal(CliApp.ExitInvalid, exitCode);
        Assert.Contains(BundleLayout.Nodes, output, StringComparison.Ordinal);
        Assert.Equal([BundleLayout.Nodes], Directory.GetFiles(_out).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Force_overwrites_existing_files()
    {
        Assert.Equal(CliApp.ExitOk, (await Init()).ExitCode);
        var profile = Path.Combine(_out, BundleLayout.Profile);
        await File.WriteAllTextAsync(profile, "# edited by hand\n");

        var (exitCode, _) = await Init("--force");

        Assert.Equal(CliApp.ExitOk, exitCode);
        Assert.Contains("kind: SovereignProfile", await File.ReadAllTextAsync(profile), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--country 'XX': no preset for this country", "--country", "XX", "--customer", "Agency")]
    [InlineData("--country is required", "--customer", "Agency")]
    [InlineData("--customer is required", "--country", "KR")]
    [InlineData("--gpu 'H100-80GB': expected MODEL:COUNT", "--country", "KR", "--customer", "Agency", "--gpu", "H100-80GB")]
    [InlineData("unknown GPU model 'Z9'", "--country", "KR", "--customer", "Agency", "--gpu", "Z9:8")]
    [InlineData("--model 'exaone:32:fp4'", "--country", "KR", "--customer", "Agency", "--model", "exaone:32:fp4")]
    [InlineData("region 'th-north' is not in the KR preset", "--country", "KR", "--customer", "Agency", "--gpu", "H100-80GB:8:th-north")]
    public async Task Usage_errors_exit_with_2_and_write_nothing(string expected, params string[] options)
    {
        var (exitCode, output) = await Run(["profile", "init", "--out", _out, .. options]);

        Assert.Equal(CliApp.ExitUsage, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out));
    }
}
