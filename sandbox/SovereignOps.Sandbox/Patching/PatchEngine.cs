using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Apply;

namespace SovereignOps.Sandbox.Patching;

/// <summary>Applies a JSON, merge or strategic merge patch to a private copy of an object.</summary>
public static class PatchEngine
{
    public static ApiResult<JsonObject> Apply(PatchType type, JsonObject current, ReadOnlySpan<byte> patch, IListSchema schema)
    {
        var parsed = PatchDocuments.Parse(patch);
        if (!parsed.Succeeded)
        {
            return parsed.Error;
        }

        var document = parsed.Value;
        switch (type)
        {
            case PatchType.Json:
                return document is JsonArray operations
                    ? JsonPatch.Apply(current, operations)
                    : ApiError.BadRequest("a JSON patch must be an array of operations");
            case PatchType.Merge when document is JsonObject merge:
                return MergePatch.Apply(current, merge);
            case PatchType.StrategicMerge when document is JsonObject strategic:
                return StrategicMergePatch.Apply(current, strategic, schema);
            default:
                return ApiError.BadRequest("a merge patch must be a JSON object");
        }
    }
}
