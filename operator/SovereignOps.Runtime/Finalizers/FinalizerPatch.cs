using System.Text.Json.Nodes;
using k8s.Models;

namespace SovereignOps.Runtime.Finalizers;

/// <summary>
/// The merge patch that sets <c>metadata.finalizers</c> to a new list, guarded by the
/// resourceVersion the list was read at: if anyone changed the object since, the server answers
/// 409 and the caller re-reads instead of overwriting another controller's finalizer.
/// </summary>
public static class FinalizerPatch
{
    public static string With(V1ObjectMeta metadata, string finalizer) =>
        Build(metadata, [.. metadata.Finalizers ?? [], finalizer]);

    public static string Without(V1ObjectMeta metadata, string finalizer) =>
        Build(metadata, [.. (metadata.Finalizers ?? []).Where(f => f != finalizer)]);

    private static string Build(V1ObjectMeta metadata, IEnumerable<string> finalizers) =>
        new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = metadata.ResourceVersion ?? throw new ArgumentException("the object has no resourceVersion", nameof(metadata)),
                ["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]),
            },
        }.ToJsonString();
}
