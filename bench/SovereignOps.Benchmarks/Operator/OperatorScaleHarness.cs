using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using SovereignOps.Api.Validation;
using SovereignOps.Api.Yaml;
using SovereignOps.Planning;
using SovereignOps.Sandbox;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Benchmarks.Operator;

/// <summary>
/// The operator at scale, end to end: a sandbox with <see cref="ScaleBundle"/>'s nodes and custom resources
/// already stored, then the published operator started as its own process against it over HTTPS (a cold
/// start: empty caches, nothing rendered). Reports the time to the first reconcile and to convergence,
/// the operator's API writes per object it owns, its writes in a steady-state window, its peak resident
/// memory and the reconcile duration quantiles from its own /metrics.
/// <para>
/// Wall clock on purpose, like the render timing: start-up, helm processes and the API round trips are
/// the figures, which BenchmarkDotNet does not model.
/// </para>
/// </summary>
public sealed class OperatorScaleHarness
{
    private const string OperatorAgent = "sovereignops-operator";
    private static readonly string[] WriteVerbs = ["create", "update", "patch", "delete", "deletecollection"];
    private static readonly GroupResource ModelDeployments = new("sovereignops.io", "modeldeployments");
    private static readonly GroupResource AgentCatalogs = new("sovereignops.io", "agentcatalogs");
    private static readonly byte[] AppliedHash = "\"sovereignops.io/applied-hash\""u8.ToArray();

    // Writes to the custom resources (status, finalizers), CRDs and Events are not writes of an owned child.
    private static readonly string[] NotChildren =
        ["events", "customresourcedefinitions", "dataresidencypolicies", "sovereignprofiles", "gpupools", "modeldeployments", "agentcatalogs"];

    private readonly ScaleBundle bundle;
    private readonly string operatorPath;
    private readonly string root;
    private readonly TimeSpan steadyWindow;
    private readonly TimeSpan timeout;

    private OperatorScaleHarness(ScaleBundle bundle, string operatorPath, string root, TimeSpan steadyWindow, TimeSpan timeout)
    {
        this.bundle = bundle;
        this.operatorPath = operatorPath;
        this.root = root;
        this.steadyWindow = steadyWindow;
        this.timeout = timeout;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = HarnessArguments.RepositoryRoot();
        var bundle = new ScaleBundle(
            HarnessArguments.Int(args, "--profiles", 50),
            HarnessArguments.Int(args, "--models", 20),
            HarnessArguments.Int(args, "--agents", 10));
        var operatorPath = HarnessArguments.Option(args, "--operator") ?? Path.Combine(root, ".publish", "sovereign-operator", "sovereign-operator");
        if (!File.Exists(operatorPath))
        {
            Console.Error.WriteLine($"the operator was not found at {operatorPath}; run 'make build' or pass --operator PATH");
            return 2;
        }

        var harness = new OperatorScaleHarness(
            bundle,
            operatorPath,
            root,
            TimeSpan.FromSeconds(HarnessArguments.Int(args, "--steady-seconds", 60)),
            TimeSpan.FromMinutes(HarnessArguments.Int(args, "--timeout-minutes", 20)));
        return await harness.RunAsync();
    }

    private async Task<int> RunAsync()
    {
        var scratch = Directory.CreateTempSubdirectory("sovereignops-scale-").FullName;
        try
        {
            var files = WriteBundle(scratch);
            if (!CheckBundle(files.Profiles))
            {
                return 2;
            }

            Console.WriteLine($"{bundle.Profiles} profiles x {bundle.Models} models x {bundle.Agents} agents; {bundle.Profiles * bundle.NodesPerProfile} nodes; {Environment.ProcessorCount} processors");
            await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { NodeFiles = [.. files.Nodes] });
            await InstallCrdsAsync(sandbox);
            var stored = StoreObjects(sandbox, files.Profiles);
            Console.WriteLine($"stored {stored} objects before the operator starts");

            var kubeconfig = Path.Combine(scratch, "kubeconfig");
            sandbox.WriteKubeconfig(kubeconfig);
            return await MeasureAsync(sandbox, kubeconfig, scratch) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private (List<string> Profiles, List<string> Nodes) WriteBundle(string scratch)
    {
        var profiles = new List<string>();
        var nodes = new List<string>();
        for (var p = 0; p < bundle.Profiles; p++)
        {
            var profile = Path.Combine(scratch, ScaleBundle.ProfileName(p) + ".yaml");
            File.WriteAllText(profile, bundle.ProfileYaml(p));
            profiles.Add(profile);
            var node = Path.Combine(scratch, ScaleBundle.ProfileName(p) + ".nodes");
            File.WriteAllText(node, bundle.NodesYaml(p));
            nodes.Add(node);
        }

        return (profiles, nodes);
    }

    /// <summary>The synthetic fleet must itself be valid and fit, or the run would measure error paths.</summary>
    private static bool CheckBundle(IEnumerable<string> files)
    {
        var report = BundleValidation.ValidatePaths(files);
        if (report.Bundle is null || report.Errors.Count > 0)
        {
            foreach (var error in report.Errors.Take(10))
            {
                Console.Error.WriteLine(error);
            }

            return false;
        }

        var plan = BundlePlanner.Plan(report.Bundle);
        foreach (var problem in plan.Problems.Take(10))
        {
            Console.Error.WriteLine(problem);
        }

        foreach (var violation in plan.Residency.Take(10))
        {
            Console.Error.WriteLine(violation);
        }

        return plan.Succeeded;
    }

    private async Task InstallCrdsAsync(SandboxServer sandbox)
    {
        var crdType = sandbox.Api.Resolve("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;
        foreach (var file in Directory.GetFiles(Path.Combine(root, "crds"), "*.yaml").Order(StringComparer.Ordinal))
        {
            foreach (var document in Documents(file))
            {
                Check(sandbox.Api.Create(crdType, "", document, WriteOptions.Default), file);
            }
        }

        var deadline = Stopwatch.StartNew();
        while (sandbox.Api.ResolveKind("sovereignops.io/v1alpha1", "AgentCatalog") is null
               || sandbox.Api.ResolveKind("sovereignops.io/v1alpha1", "ModelDeployment") is null)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException("the CRDs were not established within 30 s");
            }

            await Task.Delay(50);
        }
    }

    private static int StoreObjects(SandboxServer sandbox, IEnumerable<string> files)
    {
        var count = 0;
        foreach (var file in files)
        {
            foreach (var document in Documents(file))
            {
                var apiVersion = document["apiVersion"]!.GetValue<string>();
                var kind = document["kind"]!.GetValue<string>();
                var type = sandbox.Api.ResolveKind(apiVersion, kind)
                    ?? throw new InvalidOperationException($"{apiVersion} {kind} is not served");
                var ns = document["metadata"]?["namespace"]?.GetValue<string>() ?? "";
                Check(sandbox.Api.Create(type, ns, document, WriteOptions.Default), file);
                count++;
            }
        }

        return count;
    }

    private async Task<bool> MeasureAsync(SandboxServer sandbox, string kubeconfig, string scratch)
    {
        var metricsPort = FreePort();
        var log = Path.Combine(scratch, "operator.log");
        using var process = StartOperator(kubeconfig, metricsPort, log);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var metricsUrl = $"http://127.0.0.1:{metricsPort}/metrics";
        var clock = Stopwatch.StartNew();
        TimeSpan? firstReconcile = null;
        TimeSpan? converged = null;
        try
        {
            while (clock.Elapsed < timeout && !process.HasExited)
            {
                if (firstReconcile is null && PrometheusText.Sum(await ScrapeAsync(http, metricsUrl), "sovereignops_reconcile_total") > 0)
                {
                    firstReconcile = clock.Elapsed;
                }

                if (firstReconcile is not null && Converged(sandbox))
                {
                    converged = clock.Elapsed;
                    break;
                }

                await Task.Delay(100);
            }

            if (converged is null)
            {
                Console.Error.WriteLine(process.HasExited
                    ? $"the operator exited with code {process.ExitCode} before convergence; its log: {Tail(log)}"
                    : $"not converged within {timeout.TotalMinutes:0} min: {Progress(sandbox)}");
                return false;
            }

            var writesAtConvergence = OperatorWrites(sandbox);
            var breakdown = WriteBreakdown(sandbox);
            var owned = OwnedObjects(sandbox);
            await Task.Delay(steadyWindow);
            var steadyWrites = OperatorWrites(sandbox) - writesAtConvergence;
            var exposition = await ScrapeAsync(http, metricsUrl);
            var peakRss = PeakResidentBytes(process.Id);

            Report("time from operator start to first reconcile", $"{firstReconcile!.Value.TotalSeconds:0.00} s");
            Report("time to converge from a cold start", $"{converged.Value.TotalSeconds:0.0} s");
            Report("objects the operator applied", owned.ToString(CultureInfo.InvariantCulture));
            Report("operator API writes until convergence", writesAtConvergence.ToString(CultureInfo.InvariantCulture));
            foreach (var (key, count) in breakdown)
            {
                Report("  " + key, count.ToString(CultureInfo.InvariantCulture));
            }

            var childWrites = breakdown.Where(b => !NotChildren.Contains(b.Key[(b.Key.IndexOf(' ', StringComparison.Ordinal) + 1)..])).Sum(b => b.Value);
            Report("child writes per applied object (goal <= 1.1)", (childWrites / (double)Math.Max(1, owned)).ToString("0.00", CultureInfo.InvariantCulture));
            Report("all writes (status, events, CRDs too) per applied object", (writesAtConvergence / (double)Math.Max(1, owned)).ToString("0.00", CultureInfo.InvariantCulture));
            Report($"writes in steady state over {steadyWindow.TotalSeconds:0} s (goal 0)", steadyWrites.ToString(CultureInfo.InvariantCulture));
            Report("operator peak RSS (goal < 250 MB)", peakRss is { } rss ? $"{rss / 1_000_000.0:0} MB" : "unavailable");
            Report("reconcile duration p50", Seconds(PrometheusText.Quantile(exposition, "sovereignops_reconcile_duration_seconds", 0.5)));
            Report("reconcile duration p99", Seconds(PrometheusText.Quantile(exposition, "sovereignops_reconcile_duration_seconds", 0.99)));
            Report("reconciles", PrometheusText.Sum(exposition, "sovereignops_reconcile_total").ToString("0", CultureInfo.InvariantCulture));
            return true;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private Process StartOperator(string kubeconfig, int metricsPort, string log)
    {
        var info = new ProcessStartInfo(operatorPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(kubeconfig);
        info.ArgumentList.Add("--metrics-port");
        info.ArgumentList.Add(metricsPort.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(info) ?? throw new InvalidOperationException("the operator could not be started");
        var writer = TextWriter.Synchronized(new StreamWriter(log) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { writer.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { writer.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Every model Ready for its current generation, and every catalog's approved agents deployed.</summary>
    private bool Converged(SandboxServer sandbox)
    {
        var models = sandbox.Store.List(ModelDeployments, null).Items;
        var catalogs = sandbox.Store.List(AgentCatalogs, null).Items;
        return models.Count == bundle.Profiles * bundle.Models
            && models.All(m => IsReady(m.Json))
            && catalogs.Count == bundle.Profiles
            && catalogs.All(c => AllAgentsDeployed(c.Json));
    }

    private static bool IsReady(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var rootElement = document.RootElement;
        if (!Current(rootElement) || !rootElement.GetProperty("status").TryGetProperty("conditions", out var conditions))
        {
            return false;
        }

        return conditions.EnumerateArray().Any(c =>
            c.GetProperty("type").GetString() == "Ready" && c.GetProperty("status").GetString() == "True");
    }

    private bool AllAgentsDeployed(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var rootElement = document.RootElement;
        return Current(rootElement)
            && rootElement.GetProperty("status").TryGetProperty("deployed", out var deployed)
            && deployed.GetInt32() == bundle.Agents;
    }

    /// <summary>Status written for the object's current generation.</summary>
    private static bool Current(JsonElement obj) =>
        obj.TryGetProperty("status", out var status)
        && status.TryGetProperty("observedGeneration", out var observed)
        && obj.GetProperty("metadata").TryGetProperty("generation", out var generation)
        && observed.GetInt64() == generation.GetInt64();

    private string Progress(SandboxServer sandbox)
    {
        var models = sandbox.Store.List(ModelDeployments, null).Items;
        var catalogs = sandbox.Store.List(AgentCatalogs, null).Items;
        return $"{models.Count(m => IsReady(m.Json))}/{models.Count} models Ready, {catalogs.Count(c => AllAgentsDeployed(c.Json))}/{catalogs.Count} catalogs deployed";
    }

    private static long OperatorWrites(SandboxServer sandbox) =>
        WriteVerbs.Sum(verb => sandbox.Metrics.Requests(verb: verb, userAgent: OperatorAgent));

    private static List<(string Key, long Value)> WriteBreakdown(SandboxServer sandbox)
    {
        var exposition = sandbox.Metrics.Render();
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in exposition.Split('\n').Where(l => l.StartsWith("sandbox_requests_total{", StringComparison.Ordinal)))
        {
            var verb = LabelValue(line, "verb");
            if (!WriteVerbs.Contains(verb) || LabelValue(line, "user_agent") != OperatorAgent)
            {
                continue;
            }

            var key = $"{verb} {LabelValue(line, "resource")}";
            var count = long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            rows[key] = rows.GetValueOrDefault(key) + count;
        }

        return [.. rows.Select(r => (r.Key, r.Value))];
    }

    private static string LabelValue(string line, string label)
    {
        var key = label + "=\"";
        var start = line.IndexOf(key, StringComparison.Ordinal) + key.Length;
        return line[start..line.IndexOf('"', start)];
    }

    /// <summary>
    /// Objects the operator applied: those carrying its applied-hash annotation, in every resource. Pods,
    /// ReplicaSets and ControllerRevisions inherit labels and annotations from the workloads that made them,
    /// so they are left out, or the figure would count objects the operator never wrote.
    /// </summary>
    private static int OwnedObjects(SandboxServer sandbox) =>
        sandbox.Registry.Current.All
            .Select(t => t.GroupResource)
            .Where(r => r.Resource is not ("pods" or "replicasets" or "controllerrevisions"))
            .Distinct()
            .Sum(resource => sandbox.Store.List(resource, null).Items.Count(o =>
                o.Labels.TryGetValue("app.kubernetes.io/managed-by", out var manager) && manager == "sovereignops"
                && o.Json.AsSpan().IndexOf(AppliedHash) >= 0));

    private static long? PeakResidentBytes(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static async Task<string> ScrapeAsync(HttpClient http, string url)
    {
        try
        {
            return await http.GetStringAsync(new Uri(url));
        }
        catch (HttpRequestException)
        {
            return string.Empty; // not listening yet
        }
        catch (TaskCanceledException)
        {
            return string.Empty;
        }
    }

    private static IEnumerable<JsonObject> Documents(string file)
    {
        var read = YamlDocumentReader.Read(File.ReadAllText(file), file);
        if (!read.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", read.Errors));
        }

        return read.Documents.Select(d => d.Root).OfType<JsonObject>();
    }

    private static void Check(ApiResult<StoredObject> result, string file)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{file}: {result.Error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Tail(string log) =>
        File.Exists(log) ? string.Join("\n", File.ReadLines(log).TakeLast(20)) : "(no log)";

    private static string Seconds(double? seconds) => seconds is { } s ? $"{s * 1000:0.0} ms" : "no observations";

    private static void Report(string name, string value) => Console.WriteLine($"{name,-60} {value}");
}
