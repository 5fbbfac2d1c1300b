using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Controllers;

/// <summary>Creates what every cluster starts with: the default, kube-system, kube-public and kube-node-lease namespaces.</summary>
internal sealed class Bootstrap(ResourceApi api)
{
    private static readonly string[] Namespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public ApiResult<int> Run()
    {
        var namespaces = api.Resolve("", "v1", "namespaces")!;
        foreach (var name in Namespaces)
        {
            var created = api.Create(namespaces, "", new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new JsonObject { ["name"] = name },
            }, new WriteOptions { FieldManager = "sandbox" });
            if (!created.Succeeded)
            {
                return created.Error;
            }
        }

        return Namespaces.Length;
    }
}
