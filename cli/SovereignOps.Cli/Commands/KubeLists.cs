using k8s;
using k8s.Models;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Cli.Commands;

/// <summary>Lists every object of a kind, page by page.</summary>
public static class KubeLists
{
    private const int PageSize = 500;

    public static async Task<ApiResult<List<T>>> AllAsync<T>(KubeApi api, ResourceType type, string? @namespace, CancellationToken cancellationToken, string? labelSelector = null)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        var items = new List<T>();
        string? next = null;
        do
        {
            var page = await api.ListAsync<T>(type, new ListRequest { Namespace = @namespace, Limit = PageSize, Continue = next, LabelSelector = labelSelector }, cancellationToken);
            if (!page.IsSuccess)
            {
                return page.Error;
            }

            items.AddRange(page.Value.Items);
            next = page.Value.Metadata.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));

        return ApiResult.Success(items);
    }
}
