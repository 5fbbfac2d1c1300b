using Microsoft.AspNetCore.Http;
using SovereignOps.Sandbox.Tables;

namespace SovereignOps.Sandbox.Http;

/// <summary>A request whose Accept header asks for the Table form (what kubectl get sends).</summary>
internal sealed record TableRequest(string ApiVersion, TableRowObject Include)
{
    public static TableRequest? From(HttpRequest request)
    {
        foreach (var accept in request.Headers.Accept.SelectMany(h => (h ?? "").Split(',')))
        {
            var parameters = accept.Split(';').Select(p => p.Trim()).ToList();
            if (!parameters.Contains("as=Table") || !parameters.Contains("g=meta.k8s.io"))
            {
                continue;
            }

            var version = parameters.Contains("v=v1beta1") ? "meta.k8s.io/v1beta1" : "meta.k8s.io/v1";
            var include = QueryParameters.Get(request, "includeObject") switch
            {
                "Object" => TableRowObject.Object,
                "None" => TableRowObject.None,
                _ => TableRowObject.Metadata,
            };
            return new TableRequest(version, include);
        }

        return null;
    }
}
