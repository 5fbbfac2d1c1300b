using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Http;

/// <summary>
/// Presents a stored object in the version a request addressed. Objects of a multi-version CRD are stored
/// once; reading through another version relabels apiVersion (the CRD conversion strategy None).
/// </summary>
internal static class ObjectView
{
    public static byte[] Render(StoredObject stored, ResourceType requested)
    {
        if (requested.IsStorageVersion)
        {
            return stored.Json;
        }

        var obj = stored.ToJsonObject();
        obj["apiVersion"] = requested.ApiVersion;
        return SandboxJson.ToBytes(obj);
    }

    public static JsonObject RenderObject(StoredObject stored, ResourceType requested)
    {
        var obj = stored.ToJsonObject();
        if (!requested.IsStorageVersion)
        {
            obj["apiVersion"] = requested.ApiVersion;
        }

        return obj;
    }
}
