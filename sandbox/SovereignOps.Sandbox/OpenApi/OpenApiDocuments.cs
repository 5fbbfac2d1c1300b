using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Http;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.OpenApi;

/// <summary>
/// Serves /openapi/v3: the root listing one document per group-version, and each document with the
/// resource paths (their operations carry x-kubernetes-group-version-kind and the fieldValidation
/// parameter, which tells kubectl to leave field validation to the server) and, for custom resources,
/// the CRD schemas that <c>kubectl explain</c> reads. Built-in kinds have paths but no schemas (see the
/// sandbox README). /openapi/v2 is not served. Documents are cached per registry generation.
/// </summary>
internal sealed class OpenApiDocuments(ResourceRegistry registry)
{
    private readonly object _gate = new();
    private long _cachedGeneration = -1;
    private Dictionary<string, (byte[] Json, string Hash)> _documents = [];

    public async Task HandleAsync(HttpContext context, string path)
    {
        context.Items[RequestAccounting.ResourceKey] = "openapi";
        var documents = Documents();
        if (path.TrimEnd('/') == "/openapi/v3")
        {
            var paths = new JsonObject();
            foreach (var (key, document) in documents.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={document.Hash}" };
            }

            await HttpResponses.WriteJsonAsync(context, 200, new JsonObject { ["paths"] = paths });
            return;
        }

        const string prefix = "/openapi/v3/";
        if (path.StartsWith(prefix, StringComparison.Ordinal) && documents.TryGetValue(path[prefix.Length..], out var found))
        {
            context.Response.Headers.ETag = $"\"{found.Hash}\"";
            context.Response.Headers.CacheControl = "public, immutable";
            await HttpResponses.WriteBytesAsync(context, 200, found.Json);
            return;
        }

        await HttpResponses.WriteErrorAsync(context, new ApiError(404, "NotFound", "the server could not find the requested resource"));
    }

    private Dictionary<string, (byte[] Json, string Hash)> Documents()
    {
        var snapshot = registry.Current;
        lock (_gate)
        {
            if (_cachedGeneration == snapshot.Generation)
            {
                return _documents;
            }

            var documents = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
            foreach (var group in snapshot.Groups)
            {
                foreach (var version in group.Versions)
                {
                    var key = group.Name.Length == 0 ? $"api/{version}" : $"apis/{group.Name}/{version}";
                    var json = SandboxJson.ToBytes(GroupVersionDocument.Build(group.Resources.Where(r => r.Version == version).ToList()));
                    documents[key] = (json, Convert.ToHexString(SHA512.HashData(json))[..32]);
                }
            }

            _documents = documents;
            _cachedGeneration = snapshot.Generation;
            return documents;
        }
    }
}
