using System.Globalization;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// What makes a StatefulSet pod itself: the name &lt;set&gt;-&lt;ordinal&gt;, the hostname and subdomain that give it a
/// stable DNS name under the governing Service, the revision and identity labels, and one claim per volume
/// claim template named &lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;.
/// </summary>
internal static class StatefulSetIdentity
{
    public const string RevisionLabel = "controller-revision-hash";
    public const string PodNameLabel = "statefulset.kubernetes.io/pod-name";
    public const string PodIndexLabel = "apps.kubernetes.io/pod-index";

    /// <summary>The ordinal of a pod named &lt;set&gt;-&lt;n&gt;; null when the name does not belong to the set.</summary>
    public static int? Ordinal(string setName, string podName)
    {
        if (podName.Length <= setName.Length + 1 || !podName.StartsWith(setName + "-", StringComparison.Ordinal))
        {
            return null;
        }

        var suffix = podName.AsSpan(setName.Length + 1);
        return int.TryParse(suffix, NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            && ordinal.ToString(CultureInfo.InvariantCulture).Length == suffix.Length
            ? ordinal
            : null;
    }

    public static string ClaimName(string template, string setName, int ordinal) => $"{template}-{setName}-{ordinal}";

    public static JsonObject Pod(StoredObject set, JsonObject spec, int ordinal, string revision)
    {
        var name = $"{set.Name}-{ordinal}";
        var pod = PodFactory.FromTemplate(spec["template"] as JsonObject, set.Namespace, name, Ownership.ControllerReference("apps/v1", "StatefulSet", set));
        var metadata = pod.Metadata();
        var labels = metadata["labels"] as JsonObject ?? [];
        labels[RevisionLabel] = revision;
        labels[PodNameLabel] = name;
        labels[PodIndexLabel] = ordinal.ToString(CultureInfo.InvariantCulture);
        metadata["labels"] = labels;
        var podSpec = (JsonObject)pod["spec"]!;
        podSpec["hostname"] = name;
        if (spec.GetString("serviceName") is { Length: > 0 } service)
        {
            podSpec["subdomain"] = service;
        }

        var templates = (spec["volumeClaimTemplates"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        if (templates.Count > 0)
        {
            var volumes = podSpec["volumes"] as JsonArray ?? [];
            foreach (var template in templates)
            {
                var volumeName = template.Metadata().GetString("name") ?? "";
                foreach (var existing in volumes.OfType<JsonObject>().Where(v => v.GetString("name") == volumeName).ToList())
                {
                    volumes.Remove(existing);
                }

                volumes.Add(new JsonObject
                {
                    ["name"] = volumeName,
                    ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = ClaimName(volumeName, set.Name, ordinal) },
                });
            }

            podSpec["volumes"] = volumes;
        }

        return pod;
    }

    /// <summary>The claim of one template for one ordinal: the template's labels plus the set's selector labels.</summary>
    public static JsonObject Claim(StoredObject set, JsonObject spec, JsonObject template, int ordinal)
    {
        var templateMetadata = template["metadata"] as JsonObject ?? [];
        var labels = (templateMetadata["labels"] as JsonObject)?.DeepClone() as JsonObject ?? [];
        foreach (var (key, value) in (spec.At("selector.matchLabels") as JsonObject) ?? [])
        {
            labels[key] = value?.DeepClone();
        }

        var metadata = new JsonObject
        {
            ["name"] = ClaimName(templateMetadata.GetString("name") ?? "", set.Name, ordinal),
            ["namespace"] = set.Namespace,
            ["labels"] = labels,
        };
        if (templateMetadata["annotations"] is { } annotations)
        {
            metadata["annotations"] = annotations.DeepClone();
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = metadata,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }
}
