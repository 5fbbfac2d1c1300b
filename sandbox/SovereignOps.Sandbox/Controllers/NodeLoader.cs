using System.Text.Json.Nodes;
using SovereignOps.Api.Yaml;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Controllers;

/// <summary>
/// Loads v1 Node objects from YAML (the examples' nodes.yaml) into the sandbox: each node is created and
/// its status (capacity, allocatable, conditions, addresses) written through /status, as a kubelet would.
/// </summary>
public static class NodeLoader
{
    public static async Task<ApiResult<int>> LoadFileAsync(ResourceApi api, string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (IOException e)
        {
            return ApiError.BadRequest($"{path}: {e.Message}");
        }

        var read = YamlDocumentReader.Read(bytes, path);
        if (!read.Succeeded)
        {
            return ApiError.BadRequest(string.Join("; ", read.Errors.Select(e => e.ToString())));
        }

        var count = 0;
        foreach (var document in read.Documents)
        {
            if (document.Root is not JsonObject obj)
            {
                continue;
            }

            var nodes = obj.GetString("kind") == "List" && obj["items"] is JsonArray items ? items.OfType<JsonObject>().ToList() : [obj];
            foreach (var node in nodes)
            {
                var loaded = Load(api, (JsonObject)node.DeepClone());
                if (!loaded.Succeeded)
                {
                    return loaded.Error with { Message = $"{path}:{document.StartLine}: {loaded.Error.Message}" };
                }

                count++;
            }
        }

        return count;
    }

    /// <summary>Creates one Node and writes the status it carries.</summary>
    public static ApiResult<int> Load(ResourceApi api, JsonObject node)
    {
        if (node.GetString("apiVersion") != "v1" || node.GetString("kind") != "Node")
        {
            return ApiError.BadRequest($"expected apiVersion v1 and kind Node, found {node.GetString("apiVersion")}/{node.GetString("kind")}");
        }

        var nodes = api.Resolve("", "v1", "nodes")!;
        var options = new WriteOptions { FieldManager = "sandbox-node-loader" };
        var status = node["status"]?.DeepClone();
        var created = api.Create(nodes, "", node, options);
        if (!created.Succeeded)
        {
            return created.Error;
        }

        if (status is not null)
        {
            var withStatus = created.Value.ToJsonObject();
            withStatus["status"] = status;
            var updated = api.Update(nodes, "", created.Value.Name, withStatus, options, Subresource.Status);
            if (!updated.Succeeded)
            {
                return updated.Error;
            }
        }

        return 1;
    }
}
