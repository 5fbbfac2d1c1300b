using System.Text.Json;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Apply;

/// <summary>
/// Lets <c>kubectl apply --server-side</c> take over an object that <c>kubectl apply</c> (client-side) managed,
/// as the API server does: conflicts are forgiven when every conflicting field is one the object's
/// last-applied-configuration set and the live object still holds that value. Only the "kubectl" manager
/// gets this; any other manager sees the conflicts.
/// </summary>
internal static class ClientSideApplyUpgrade
{
    public const string Manager = "kubectl";
    private const string LastApplied = "kubectl.kubernetes.io/last-applied-configuration";

    public static bool Forgives(ResourceType type, JsonObject live, string manager, IEnumerable<FieldPath> conflicts, Subresource subresource)
    {
        if (manager != Manager || live.Metadata()["annotations"] is not JsonObject annotations || annotations.GetString(LastApplied) is not { } text)
        {
            return false;
        }

        JsonObject lastApplied;
        try
        {
            if (JsonNode.Parse(text) is not JsonObject parsed)
            {
                return false;
            }

            lastApplied = parsed;
        }
        catch (JsonException)
        {
            return false;
        }

        var lastAppliedSet = FieldSetBuilder.Build(type, lastApplied, subresource);
        return conflicts.All(path =>
            lastAppliedSet.Contains(path)
            && FieldPath.TryFind(live, path, out var liveValue)
            && FieldPath.TryFind(lastApplied, path, out var appliedValue)
            && JsonNode.DeepEquals(liveValue, appliedValue));
    }
}
