using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Runtime.Client;

/// <summary>
/// Reads kubeconfig files into KubernetesClient's <see cref="K8SConfiguration"/>, which then builds the
/// client configuration (TLS, tokens, exec plugins) as usual.
/// </summary>
/// <remarks>
/// KubernetesClient's own loader deserializes through a YAML mapper that, on first use, reflects over
/// every one of its thousands of model types: megabytes of heap and type metadata that a long-running
/// process keeps for one small file. This reads the file with the bundle's YAML reader instead, which also
/// bounds hostile input and reports mistakes as <c>file:line:column: field: what was expected</c>.
/// Unknown fields are ignored, as kubectl ignores them.
/// </remarks>
public static class KubeconfigLoader
{
    /// <summary>The client configuration for <paramref name="path"/>, its current context or <paramref name="context"/>.</summary>
    /// <exception cref="KubeConfigException">The file is missing, unreadable, or not a kubeconfig.</exception>
    public static KubernetesClientConfiguration BuildConfig(string path, string? context = null) =>
        KubernetesClientConfiguration.BuildConfigFromConfigObject(Load(path), context);

    /// <summary>
    /// The files kubectl would read when none is named: every existing file in <c>$KUBECONFIG</c>, else
    /// <c>~/.kube/config</c>; empty when there is none.
    /// </summary>
    public static IReadOnlyList<string> DefaultFiles()
    {
        if (Environment.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } fromEnvironment)
        {
            return [.. fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Where(File.Exists)];
        }

        var standard = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        return File.Exists(standard) ? [standard] : [];
    }

    /// <summary>
    /// Several files merged as kubectl merges <c>$KUBECONFIG</c>: the first file to define a cluster, user or
    /// context by name wins, and so does the first current-context.
    /// </summary>
    public static K8SConfiguration Merge(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new KubeConfigException("no kubeconfig: pass --kubeconfig, set KUBECONFIG or create ~/.kube/config");
        }

        var merged = Load(paths[0]);
        foreach (var path in paths.Skip(1))
        {
            var next = Load(path);
            merged.CurrentContext ??= next.CurrentContext;
            merged.Contexts = Union(merged.Contexts, next.Contexts, c => c.Name);
            merged.Clusters = Union(merged.Clusters, next.Clusters, c => c.Name);
            merged.Users = Union(merged.Users, next.Users, u => u.Name);
        }

        return merged;
    }

    /// <summary>One file. Relative certificate and key paths in it are resolved against its folder.</summary>
    /// <exception cref="KubeConfigException">The file is missing, unreadable, or not a kubeconfig.</exception>
    public static K8SConfiguration Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"kubeconfig {path} cannot be read: {exception.Message}");
        }

        var config = Parse(bytes, path);
        config.FileName = Path.GetFullPath(path);
        return config;
    }

    /// <summary>Parses kubeconfig YAML; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="KubeConfigException">The text is not a kubeconfig.</exception>
    public static K8SConfiguration Parse(byte[] utf8, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        var read = YamlDocumentReader.Read(utf8, sourceName);
        if (!read.Succeeded)
        {
            throw new KubeConfigException(read.Errors[0].ToString());
        }

        if (read.Documents.Count == 0)
        {
            return new K8SConfiguration();
        }

        if (read.Documents.Count > 1)
        {
            throw new KubeConfigException($"{sourceName}: a kubeconfig is one YAML document, found {read.Documents.Count}");
        }

        return new Mapper(read.Documents[0]).Configuration();
    }

    private static List<T> Union<T>(IEnumerable<T>? first, IEnumerable<T>? second, Func<T, string> name) =>
        [.. (first ?? []).Concat(second ?? []).GroupBy(name, StringComparer.Ordinal).Select(g => g.First())];

    /// <summary>Maps one document's JSON tree onto the models, naming the field of any mismatch.</summary>
    private sealed class Mapper(YamlDocument document)
    {
        public K8SConfiguration Configuration()
        {
            var root = Object(document.Root, "");
            return new K8SConfiguration
            {
                ApiVersion = String(root, "", "apiVersion"),
                Kind = String(root, "", "kind"),
                CurrentContext = String(root, "", "current-context"),
                Clusters = Objects(root, "", "clusters", (item, at) => new Cluster
                {
                    Name = Required(item, at, "name"),
                    ClusterEndpoint = Child(item, at, "cluster", (endpoint, path) => new ClusterEndpoint
                    {
                        Server = String(endpoint, path, "server"),
                        CertificateAuthority = String(endpoint, path, "certificate-authority"),
                        CertificateAuthorityData = String(endpoint, path, "certificate-authority-data"),
                        TlsServerName = String(endpoint, path, "tls-server-name"),
                        SkipTlsVerify = Bool(endpoint, path, "insecure-skip-tls-verify"),
                    }),
                }),
                Users = Objects(root, "", "users", (item, at) => new User
                {
                    Name = Required(item, at, "name"),
                    UserCredentials = Child(item, at, "user", Credentials),
                }),
                Contexts = Objects(root, "", "contexts", (item, at) => new Context
                {
                    Name = Required(item, at, "name"),
                    ContextDetails = Child(item, at, "context", (details, path) => new ContextDetails
                    {
                        Cluster = String(details, path, "cluster"),
                        User = String(details, path, "user"),
                        Namespace = String(details, path, "namespace"),
                    }),
                }),
            };
        }

        private UserCredentials Credentials(JsonObject user, string path) => new()
        {
            ClientCertificate = String(user, path, "client-certificate"),
            ClientCertificateData = String(user, path, "client-certificate-data"),
            ClientKey = String(user, path, "client-key"),
            ClientKeyData = String(user, path, "client-key-data"),
            Token = String(user, path, "token"),
            UserName = String(user, path, "username"),
            Password = String(user, path, "password"),
            Impersonate = String(user, path, "as"),
            ImpersonateGroups = Strings(user, path, "as-groups"),
            ImpersonateUserExtra = StringMap(user, path, "as-user-extra") ?? [],
            AuthProvider = Child(user, path, "auth-provider", (provider, at) => new AuthProvider
            {
                Name = String(provider, at, "name"),
                Config = StringMap(provider, at, "config"),
            }),
            ExternalExecution = Child(user, path, "exec", (exec, at) => new ExternalExecution
            {
                ApiVersion = String(exec, at, "apiVersion"),
                Command = String(exec, at, "command"),
                Arguments = Strings(exec, at, "args"),
                EnvironmentVariables = Objects(exec, at, "env", (item, itemAt) => new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["name"] = Required(item, itemAt, "name"),
                    ["value"] = String(item, itemAt, "value") ?? "",
                }),
                InstallHint = String(exec, at, "installHint"),
                ProvideClusterInfo = Bool(exec, at, "provideClusterInfo"),
            }),
        };

        private T? Child<T>(JsonObject parent, string path, string name, Func<JsonObject, string, T> map)
            where T : class
        {
            var at = FieldPath.Child(path, name);
            return parent[name] is { } node ? map(Object(node, at), at) : null;
        }

        private List<T> Objects<T>(JsonObject parent, string path, string name, Func<JsonObject, string, T> map) =>
            [.. Items(parent, path, name).Select(item => map(Object(item.Node, item.Path), item.Path))];

        private List<string> Strings(JsonObject parent, string path, string name) =>
            [.. Items(parent, path, name).Select(item => Text(item.Node, item.Path))];

        private IEnumerable<(JsonNode Node, string Path)> Items(JsonObject parent, string path, string name)
        {
            var at = FieldPath.Child(path, name);
            switch (parent[name])
            {
                case null:
                    yield break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        var itemAt = FieldPath.Index(at, i);
                        yield return (array[i] ?? throw Error(itemAt, "expected a value, found null"), itemAt);
                    }

                    break;
                default:
                    throw Error(at, "expected a list");
            }
        }

        private Dictionary<string, string>? StringMap(JsonObject parent, string path, string name)
        {
            var at = FieldPath.Child(path, name);
            if (parent[name] is not { } node)
            {
                return null;
            }

            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in Object(node, at))
            {
                map[key] = Text(value ?? throw Error(FieldPath.Child(at, key), "expected a string, found null"), FieldPath.Child(at, key));
            }

            return map;
        }

        private JsonObject Object(JsonNode node, string path) =>
            node as JsonObject ?? throw Error(path, "expected a mapping");

        private string Required(JsonObject item, string path, string name) =>
            String(item, path, name) ?? throw Error(path, $"expected a field \"{name}\"");

        private string? String(JsonObject parent, string path, string name) =>
            parent[name] is { } node ? Text(node, FieldPath.Child(path, name)) : null;

        private string Text(JsonNode node, string path) =>
            node is JsonValue value && value.GetValueKind() == JsonValueKind.String
                ? value.GetValue<string>()
                : throw Error(path, "expected a string");

        private bool Bool(JsonObject parent, string path, string name)
        {
            var at = FieldPath.Child(path, name);
            return parent[name] switch
            {
                null => false,
                JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
                _ => throw Error(at, "expected true or false"),
            };
        }

        private KubeConfigException Error(string path, string expected)
        {
            var position = document.SourceMap.Locate(path);
            return new KubeConfigException($"{document.SourceName}:{position.Line}:{position.Column}: {(path.Length > 0 ? path + ": " : "")}{expected}");
        }
    }
}
