using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace SovereignOps.Runtime.Client;

/// <summary>
/// An open watch: newline-delimited JSON events read as they arrive. Ends when the server closes
/// the stream (its timeoutSeconds) or the connection breaks; the latter surfaces as an exception
/// from <see cref="ReadAllAsync"/>, which the informer counts and logs.
/// </summary>
public sealed class WatchStream<T> : IDisposable
    where T : IKubernetesObject<V1ObjectMeta>
{
    private readonly ResourceType _type;
    private readonly HttpResponseMessage _response;

    internal WatchStream(ResourceType type, HttpResponseMessage response)
    {
        _type = type;
        _response = response;
    }

    public async IAsyncEnumerable<WatchEvent<T>> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = await _response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Parse(line);
            }
        }
    }

    public void Dispose() => _response.Dispose();

    internal WatchEvent<T> Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var type = root.GetProperty("type").GetString();
        var payload = root.GetProperty("object");
        if (type == "ERROR")
        {
            return new WatchEvent<T>(WatchEventKind.Error, default, ApiJson.Deserialize<V1Status>(payload));
        }

        var kind = type switch
        {
            "ADDED" => WatchEventKind.Added,
            "MODIFIED" => WatchEventKind.Modified,
            "DELETED" => WatchEventKind.Deleted,
            "BOOKMARK" => WatchEventKind.Bookmark,
            _ => throw new JsonException($"unknown watch event type '{type}'"),
        };
        var obj = ApiJson.Deserialize<T>(payload);
        KubeApi.Stamp(_type, obj);
        return new WatchEvent<T>(kind, obj, null);
    }
}
