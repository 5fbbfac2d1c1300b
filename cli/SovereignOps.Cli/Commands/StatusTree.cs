using System.Globalization;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// The status as a tree per profile, drawn with box characters and written straight to the output
/// (never wrapped), so it reads the same in a terminal, a pipe and a ticket.
/// </summary>
public static class StatusTree
{
    public static void Write(TextWriter writer, IReadOnlyList<ProfileStatus> profiles)
    {
        foreach (var profile in profiles)
        {
            var spec = profile.Profile.Spec;
            writer.WriteLine($"{profile.Name} ({spec.Country}, {spec.Customer}, namespace {spec.TenantNamespace}): {State(profile.Ready)}");
            var policyName = profile.Policy?.Metadata.Name ?? spec.ResidencyPolicyRef.Name;
            writer.WriteLine($"├─ policy {policyName}: {State(profile.PolicyReady)}");

            writer.WriteLine("├─ pools" + (profile.Pools.Count == 0 ? ": none" : string.Empty));
            Children(writer, "│  ", profile.Pools, pool =>
            {
                var s = pool.Pool.Status;
                var figures = s is null ? "no capacity reported" : $"capacity {s.CapacityGpus}, allocated {s.AllocatedGpus}, free {s.FreeGpus} GPUs";
                return [$"{pool.Pool.Metadata.Name} ({pool.Pool.Spec.Gpu.Model}, {pool.Pool.Spec.Region}): {State(pool.Ready)}; {figures}"];
            });

            writer.WriteLine("├─ models" + (profile.Models.Count == 0 ? ": none" : string.Empty));
            Children(writer, "│  ", profile.Models, model => [$"{model.Model.Metadata.Name}: {State(model.Ready)}; {ModelFigures(model)}"]);

            writer.WriteLine("└─ agents" + (profile.Catalogs.Count == 0 ? ": none" : string.Empty));
            Children(writer, "   ", profile.Catalogs, catalog =>
            {
                var s = catalog.Catalog.Status;
                var lines = new List<string> { $"catalog {catalog.Catalog.Metadata.Name}: {State(catalog.Ready)}" + (s is null ? string.Empty : $"; {s.Deployed}/{s.Total} deployed") };
                var entries = s?.Agents ?? [];
                lines.AddRange(entries.Select((entry, i) =>
                    (i == entries.Count - 1 ? "└─ " : "├─ ") + $"{entry.Name}: {entry.State}" + (entry.Message is { Length: > 0 } m && entry.State != "Deployed" ? $" ({m})" : string.Empty)));
                return lines;
            });
        }
    }

    private static void Children<T>(TextWriter writer, string indent, IReadOnlyList<T> items, Func<T, IReadOnlyList<string>> lines)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var last = i == items.Count - 1;
            var text = lines(items[i]);
            writer.WriteLine(indent + (last ? "└─ " : "├─ ") + text[0]);
            foreach (var line in text.Skip(1))
            {
                writer.WriteLine(indent + (last ? "   " : "│  ") + line);
            }
        }
    }

    private static string ModelFigures(ModelStatusLine model)
    {
        var s = model.Model.Status;
        var desired = s?.Replicas ?? model.Model.Spec.Replicas;
        var parts = new List<string> { $"{s?.ReadyReplicas ?? 0}/{desired} replicas" };
        if (s?.GpusPerReplica is { } gpus)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{gpus}×{s.GpuResource ?? "gpu"} per replica"));
        }

        if ((s?.Pool ?? model.Model.Spec.GpuPoolRef?.Name) is { } pool)
        {
            parts.Add($"pool {pool}");
        }

        if (s?.Placement?.Regions is { Count: > 0 } regions)
        {
            parts.Add($"regions {string.Join(", ", regions)}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>"Ready", or the condition's status, reason and message.</summary>
    private static string State(Readiness ready) =>
        ready.IsReady ? "Ready" : $"{(ready.Status == "False" ? "NotReady" : ready.Status)} ({ready.Reason}: {ready.Message})";
}
