using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// A StatefulSet's revisions as ControllerRevisions named &lt;set&gt;-&lt;hash of the pod template&gt;: the pods'
/// controller-revision-hash label names one, the data keeps its template (to recreate pods held back by a
/// partition), and revision numbers grow with each new template. Unused ones beyond the history limit go.
/// </summary>
internal sealed class StatefulSetRevisions(WorkloadContext context, StoredObject set, JsonObject spec)
{
    /// <summary>The revision of the current template, created when it is new.</summary>
    public string EnsureUpdateRevision()
    {
        var name = $"{set.Name}-{PodTemplateHash.Compute(spec["template"])}";
        var owned = context.Cache.ControllerRevisions.OwnedBy(set.Uid);
        if (owned.Any(r => r.Name == name) || set.IsDeleting)
        {
            return name;
        }

        var next = owned.Select(Number).DefaultIfEmpty(0).Max() + 1;
        var template = (JsonObject)(spec["template"]?.DeepClone() ?? new JsonObject());
        template["$patch"] = "replace";
        var labels = (spec.At("template.metadata.labels") as JsonObject)?.DeepClone() as JsonObject ?? [];
        labels[StatefulSetIdentity.RevisionLabel] = name;
        context.Writer.Create(ClusterCache.ControllerRevisionsResource, set.Namespace, new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ControllerRevision",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = set.Namespace,
                ["labels"] = labels,
                ["ownerReferences"] = new JsonArray(Ownership.ControllerReference("apps/v1", "StatefulSet", set)),
            },
            ["data"] = new JsonObject { ["spec"] = new JsonObject { ["template"] = template } },
            ["revision"] = next,
        });
        return name;
    }

    /// <summary>The set's spec with the template of <paramref name="revision"/>; the current spec when that revision is gone.</summary>
    public static JsonObject SpecOf(WorkloadContext context, string ns, string revision, JsonObject spec)
    {
        if (context.Cache.ControllerRevisions.Get(ns, revision)?.ToJsonObject().At("data.spec.template") is not JsonObject template)
        {
            return spec;
        }

        template.Remove("$patch");
        var copy = (JsonObject)spec.DeepClone();
        copy["template"] = template;
        return copy;
    }

    /// <summary>Deletes the oldest revisions beyond the limit that neither current nor update revision is.</summary>
    public void Prune(string currentRevision, string updateRevision, int limit)
    {
        var unused = context.Cache.ControllerRevisions.OwnedBy(set.Uid)
            .Where(r => r.Name != currentRevision && r.Name != updateRevision && !r.IsDeleting)
            .OrderBy(Number).ToList();
        foreach (var revision in unused.Take(Math.Max(0, unused.Count - limit)))
        {
            context.Writer.Delete(ClusterCache.ControllerRevisionsResource, set.Namespace, revision.Name, revision.Uid);
        }
    }

    private static long Number(StoredObject revision) =>
        revision.ToJsonObject().GetLong("revision") ?? 0;
}
