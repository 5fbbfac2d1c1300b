using System.Text.Json;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Patching;

/// <summary>Parses request bodies: JSON, or YAML when the body is not JSON.</summary>
public static class PatchDocuments
{
    public static ApiResult<JsonNode> Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 128 }) is { } node
                ? node
                : ApiError.BadRequest("the request body is empty or null");
        }
        catch (JsonException json) when (LooksLikeJson(body))
        {
            return ApiError.BadRequest($"the body of the request could not be decoded: {json.Message}");
        }
        catch (JsonException)
        {
            return YamlBodies.Parse(body);
        }
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        return trimmed.Length > 0 && trimmed[0] is (byte)'{' or (byte)'[';
    }

    public static ApiResult<JsonObject> ParseObject(ReadOnlySpan<byte> body)
    {
        var parsed = Parse(body);
        if (!parsed.Succeeded)
        {
            return parsed.Error;
        }

        return parsed.Value is JsonObject obj ? obj : ApiError.BadRequest("the request body must be a JSON or YAML object");
    }
}
