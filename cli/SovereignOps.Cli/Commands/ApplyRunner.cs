using System.Text.Json.Nodes;
using SovereignOps.Runtime;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Cli.Commands;

public enum ApplyOutcome
{
    Created,
    Configured,
    Unchanged,
    Failed,
}

/// <summary>What one apply did (or, in a dry run, would do): the live object before, and the server's answer.</summary>
public sealed record ApplyResult(ApplyDocument Document, ApplyOutcome Outcome, JsonObject? Before, JsonObject? After, string? Error);

/// <summary>
/// Server-side apply of one document with the field manager <c>sovereignctl</c>. The outcome comes
/// from the server: no live object means created; a dry run compares the server's answer with the live
/// object, a real apply compares resourceVersions (the server stores nothing for a no-op apply).
/// </summary>
public static class ApplyRunner
{
    public const string FieldManager = "sovereignctl";

    public static async Task<ApplyResult> ApplyAsync(KubeApi api, ApplyDocument document, bool dryRun, bool forceConflicts, CancellationToken cancellationToken)
    {
        var key = new ResourceKey(document.Namespace, document.Name);
        var live = await api.GetAsync<KubeObject>(document.Type, key, cancellationToken);
        if (!live.IsSuccess && !live.Error.IsNotFound)
        {
            return new(document, ApplyOutcome.Failed, null, null, $"reading the live object: {live.Error}");
        }

        var before = live.IsSuccess ? live.Value.ToJson() : null;
        var body = document.Body.DeepClone().AsObject();
        if (document.Namespace is not null)
        {
            body["metadata"]!.AsObject()["namespace"] = document.Namespace;
        }

        var options = new PatchOptions { FieldManager = FieldManager, Force = forceConflicts, DryRun = dryRun };
        var applied = await api.PatchAsync<KubeObject>(document.Type, key, PatchType.Apply, body.ToJsonString(), options, cancellationToken);
        if (!applied.IsSuccess)
        {
            return new(document, ApplyOutcome.Failed, before, null, await ExplainAsync(api, document, applied.Error, cancellationToken));
        }

        var after = applied.Value.ToJson();
        return new(document, Outcome(before, after, dryRun), before, after, null);
    }

    /// <summary>The server's error, with what to do for the two an SRE meets first: a missing CRD and a field conflict.</summary>
    private static async Task<string> ExplainAsync(KubeApi api, ApplyDocument document, ApiError error, CancellationToken cancellationToken)
    {
        if (error.IsConflict)
        {
            return $"{error} (another field manager owns these fields; rerun with --force-conflicts to take them over)";
        }

        if (!error.IsNotFound || document.Type.Group.Length == 0)
        {
            return error.ToString();
        }

        var crd = $"{document.Type.Plural}.{document.Type.Group}";
        var read = await api.GetAsync<KubeObject>(ResourceType.For<k8s.Models.V1CustomResourceDefinition>(), ResourceKey.Cluster(crd), cancellationToken);
        return read.IsSuccess
            ? $"namespace {document.Namespace} does not exist"
            : $"the CRD {crd} is not installed: install the operator (it applies its CRDs at start) or run kubectl apply --server-side -f crds/";
    }

    private static ApplyOutcome Outcome(JsonObject? before, JsonObject after, bool dryRun)
    {
        if (before is null)
        {
            return ApplyOutcome.Created;
        }

        var same = dryRun
            ? FieldDiff.Compare(before, after).Count == 0
            : ResourceVersion(before) == ResourceVersion(after);
        return same ? ApplyOutcome.Unchanged : ApplyOutcome.Configured;
    }

    private static string? ResourceVersion(JsonObject obj) => obj["metadata"]?["resourceVersion"]?.GetValue<string>();
}
