using System.Text;
using CliWrap;
using CliWrap.Buffered;
using k8s;
using SovereignOps.Sandbox;

namespace SovereignOps.Sandbox.Tests.Infrastructure;

/// <summary>
/// One sandbox server per test class, with a kubeconfig on disk and helpers to run the pinned kubectl and
/// helm against it. Tests isolate themselves in namespaces of their own, so a class's tests may share it.
/// </summary>
public class SandboxFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sandbox-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public SandboxServer Server { get; private set; } = null!;

    public Kubernetes Client { get; private set; } = null!;

    public string KubeconfigPath => Path.Combine(_directory, "kubeconfig");

    /// <summary>Options for the server; subclasses tighten them (history size, bookmark interval).</summary>
    protected virtual SandboxOptions Options => new()
    {
        BookmarkInterval = TimeSpan.FromSeconds(1),
        WatchHistory = 200,
        Log = Console.Error,
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Server = await SandboxServer.StartAsync(Options);
        Server.WriteKubeconfig(KubeconfigPath);
        Client = Server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a tool may still hold a cache file; the temp folder is cleaned by the OS
        }
    }

    /// <summary>A fresh namespace for one test.</summary>
    public async Task<string> CreateNamespaceAsync(string prefix)
    {
        var ns = await Client.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace
        {
            Metadata = new k8s.Models.V1ObjectMeta { GenerateName = prefix + "-" },
        });
        return ns.Metadata.Name;
    }

    public Task<BufferedCommandResult> KubectlAsync(params string[] args) => KubectlWithInputAsync(null, args);

    public Task<BufferedCommandResult> KubectlWithInputAsync(string? stdin, params string[] args) =>
        RunAsync(RepoPaths.Kubectl, stdin, ["--kubeconfig", KubeconfigPath, "--cache-dir", Path.Combine(_directory, "kubectl-cache"), .. args]);

    public Task<BufferedCommandResult> HelmAsync(params string[] args) =>
        RunAsync(RepoPaths.Helm, null, [.. args, "--kubeconfig", KubeconfigPath]);

    private async Task<BufferedCommandResult> RunAsync(string tool, string? stdin, string[] args)
    {
        var command = Cli.Wrap(tool)
            .WithArguments(args)
            .WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables(env => env
                .Set("HOME", _directory)
                .Set("HELM_CACHE_HOME", Path.Combine(_directory, "helm-cache"))
                .Set("HELM_CONFIG_HOME", Path.Combine(_directory, "helm-config"))
                .Set("HELM_DATA_HOME", Path.Combine(_directory, "helm-data")));
        if (stdin is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(stdin, Encoding.UTF8));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await command.ExecuteBufferedAsync(timeout.Token);
    }
}
