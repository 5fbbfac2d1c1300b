using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using k8s;
using SovereignOps.Api.Crds;
using SovereignOps.Sandbox;

namespace SovereignOps.Cli.Tests.Install;

/// <summary>
/// The folder <c>make publish</c> writes is the operator image's whole content (the Dockerfile copies
/// it and nothing else). With no container engine here, the operator is started from that folder the
/// way the image's entrypoint starts it, against the sandbox.
/// </summary>
public sealed class PublishedOperatorTests : IAsyncLifetime
{
    private static readonly string Published = RepoPaths.Combine(".publish", "image");
    private readonly string work = Directory.CreateTempSubdirectory("published-operator-").FullName;
    private SandboxServer server = null!;

    public async Task InitializeAsync() =>
        server = await SandboxServer.StartAsync(new SandboxOptions { NodeFiles = [RepoPaths.Combine("examples", "thailand", "nodes.yaml")] });

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public async Task The_dockerfile_copies_exactly_the_published_folder_which_holds_the_operator_helm_and_the_workload_charts()
    {
        RequirePublished();
        var dockerfile = await File.ReadAllTextAsync(RepoPaths.Combine("Dockerfile"));

        Assert.Contains("RUN make publish", dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY --from=build --chown=65532:65532 /src/.publish/image /opt/sovereignops", dockerfile, StringComparison.Ordinal);
        Assert.Contains("USER 65532:65532", dockerfile, StringComparison.Ordinal);
        Assert.Equal(["app", "bin", "charts"], Directory.GetDirectories(Published).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["sovereign-agent", "sovereign-model", "sovereign-tenant"], Directory.GetDirectories(Path.Combine(Published, "charts")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(Published, "app", "sovereign-operator.dll")));

        var tools = new Tools(work);
        var helm = Path.Combine(Published, "bin", "helm");
        var version = await CliWrap.Buffered.BufferedCommandExtensions.ExecuteBufferedAsync(CliWrap.Cli.Wrap(helm).WithArguments(["version", "--short"]));
        Assert.StartsWith("v4.1.4", version.StandardOutput, StringComparison.Ordinal);
        var model = Path.Combine(Published, "charts", "sovereign-model");
        var rendered = (await tools.HelmAsync("template", "m", model, "-f", Path.Combine(model, "ci", "vllm-tensor-parallel.yaml"))).Succeeded();
        Assert.Contains("kind: Deployment", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_published_operator_starts_applies_its_crds_serves_its_probes_and_the_thai_example_converges()
    {
        RequirePublished();
        var kubeconfig = Path.Combine(work, "kubeconfig");
        server.WriteKubeconfig(kubeconfig);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(Published, "app", "sovereign-operator.dll"), "--kubeconfig", kubeconfig, "--metrics-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Published,
        };
        start.Environment["SOVEREIGNOPS_HELM"] = Path.Combine(Published, "bin", "helm");
        start.Environment["SOVEREIGNOPS_CHARTS"] = Path.Combine(Published, "charts");
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var healthy = await PollAsync(http, $"http://127.0.0.1:{port}/healthz", process);
            var ready = await PollAsync(http, $"http://127.0.0.1:{port}/readyz", process);

            Assert.True(healthy && ready, $"the operator did not become healthy and ready; its output:\n{output}");
            using var client = server.CreateClient();
            foreach (var crd in CrdGenerator.GenerateAll())
            {
                var live = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name);
                Assert.Equal("0.1.0", live.Metadata.Annotations[CrdCompatibility.OperatorVersionAnnotation]);
            }

            var (applied, applyOutput) = await ValidateCli.Run("apply", RepoPaths.Combine("examples", "thailand"), "--kubeconfig", kubeconfig);
            Assert.True(applied == CliApp.ExitOk, applyOutput);
            var (converged, status) = await ConvergedAsync(kubeconfig, process);
            Assert.True(converged, $"the example did not converge; last status:\n{status}\noperator output:\n{output}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Polls sovereignctl status until every profile, pool, model and catalog is Ready, for up to three minutes.</summary>
    private static async Task<(bool Ready, string Status)> ConvergedAsync(string kubeconfig, Process process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        var last = string.Empty;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            var (exitCode, status) = await ValidateCli.Run("status", "--kubeconfig", kubeconfig);
            last = status;
            if (exitCode == CliApp.ExitOk)
            {
                return (true, status);
            }

            await Task.Delay(500);
        }

        return (false, last);
    }

    private static void RequirePublished()
    {
        if (!File.Exists(Path.Combine(Published, "app", "sovereign-operator.dll")))
        {
            throw new InvalidOperationException($"{Published} has no published operator; run 'make publish' first (make test does).");
        }
    }

    /// <summary>Polls until the endpoint answers 200, the process exits, or 60 s pass (a cold start on a busy 2-core machine).</summary>
    private static async Task<bool> PollAsync(HttpClient http, string url, Process process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(url));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
