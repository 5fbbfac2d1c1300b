using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Admission;

/// <summary>
/// The DefaultTolerationSeconds admission plugin: a new pod that does not already tolerate the
/// node.kubernetes.io/not-ready and unreachable NoExecute taints gets tolerations for them, limited to
/// <paramref name="seconds"/> (300 on a real API server) — how long it stays on a lost node before eviction.
/// </summary>
internal sealed class DefaultTolerationSeconds(long seconds) : IAdmissionPlugin
{
    private static readonly string[] Keys = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"];

    public ApiResult<JsonObject> Admit(AdmissionRequest request)
    {
        if (request.Operation != AdmissionOperation.Create || request.Type.Group.Length != 0 || request.Type.Plural != "pods"
            || request.Subresource != Subresource.Main || request.Object["spec"] is not JsonObject spec)
        {
            return request.Object;
        }

        var tolerations = spec["tolerations"] as JsonArray ?? new JsonArray();
        foreach (var key in Keys)
        {
            var tolerated = tolerations.OfType<JsonObject>().Any(t =>
                (t.GetString("effect") is null or "" or "NoExecute")
                && ((t.GetString("operator") == "Exists" && t.GetString("key") is null or "") || t.GetString("key") == key));
            if (!tolerated)
            {
                tolerations.Add(new JsonObject
                {
                    ["key"] = key,
                    ["operator"] = "Exists",
                    ["effect"] = "NoExecute",
                    ["tolerationSeconds"] = seconds,
                });
            }
        }

        spec["tolerations"] = tolerations;
        return request.Object;
    }
}
