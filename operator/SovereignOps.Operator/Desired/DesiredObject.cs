using k8s;
using k8s.Models;
using System.Text.Json.Nodes;
using SovereignOps.Rendering.Caching;
using SovereignOps.Rendering.Manifests;
using SovereignOps.Runtime;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Operator.Desired;

/// <summary>
/// A rendered object as the operator keeps it between reconciles: its identity and its JSON. The
/// desired state of every customer stays in memory for as long as nothing the plan reads changes, and
/// a typed model costs about four times its JSON, which is kept Brotli-compressed (about a third of its
/// size; expanding it takes microseconds). Applying starts from the JSON too (<see cref="Body"/>), so
/// the object is never turned back into a model.
/// </summary>
public sealed class DesiredObject
{
    private readonly CompressedText json;

    public DesiredObject(RenderedObject rendered)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        Model = rendered.Object.GetType();
        Type = ResourceType.ForType(Model);
        Kind = rendered.Kind;
        Name = rendered.Name;
        Namespace = rendered.Namespace;
        KindRank = rendered.KindRank;
        json = CompressedText.From(KubernetesJson.Serialize(rendered.Object));
    }

    /// <summary>The KubernetesClient model the object is read into.</summary>
    public Type Model { get; }

    public ResourceType Type { get; }

    public string Kind { get; }

    public string Name { get; }

    public string? Namespace { get; }

    /// <summary>Position in apply order (<see cref="KnownKinds"/>).</summary>
    public int KindRank { get; }

    public ResourceKey Key => new(Namespace, Name);

    public string DisplayName => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";

    /// <summary>The object's JSON as a fresh tree, the caller's to change.</summary>
    public JsonObject Body() => JsonNode.Parse(json.Utf8())!.AsObject();
}
