namespace SovereignOps.Sandbox.Http;

/// <summary>
/// A resource request URL taken apart the way the API server does:
/// <c>/api/v1[/watch][/namespaces/{ns}]/{resource}[/{name}[/{subresource}]]</c> and the same under
/// <c>/apis/{group}/{version}</c>. Namespace status and finalize are subresources of the namespace.
/// </summary>
public sealed record RequestInfo(string Group, string Version, string? Namespace, string Resource, string? Name, string? Subresource, bool LegacyWatch)
{
    private static readonly HashSet<string> NamespaceSubresources = ["status", "finalize"];

    /// <summary>Null when the path is not a resource path (discovery documents are handled elsewhere).</summary>
    public static RequestInfo? Parse(string path)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group;
        string version;
        int index;
        if (parts.Length >= 3 && parts[0] == "api")
        {
            (group, version, index) = ("", parts[1], 2);
        }
        else if (parts.Length >= 4 && parts[0] == "apis")
        {
            (group, version, index) = (parts[1], parts[2], 3);
        }
        else
        {
            return null;
        }

        var rest = parts[index..];
        var watch = rest.Length > 0 && rest[0] == "watch";
        if (watch)
        {
            rest = rest[1..];
        }

        if (rest.Length == 0)
        {
            return null;
        }

        string? ns = null;
        if (rest[0] == "namespaces" && rest.Length >= 3 && !NamespaceSubresources.Contains(rest[2]))
        {
            ns = Uri.UnescapeDataString(rest[1]);
            rest = rest[2..];
        }

        if (rest.Length > 3)
        {
            return null;
        }

        return new RequestInfo(
            group,
            version,
            ns,
            rest[0],
            rest.Length > 1 ? Uri.UnescapeDataString(rest[1]) : null,
            rest.Length > 2 ? rest[2] : null,
            watch);
    }
}
