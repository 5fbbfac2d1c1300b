using System.Globalization;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Profiles;

/// <summary>Builds the ModelDeployments of a generated profile and places each on a pool it fits.</summary>
internal static class ModelFactory
{
    public const string DefaultModelName = "general-llm";
    public const string DefaultVersion = "1.0";
    private const int ContextLength = 8192;

    /// <summary>Concurrent sequences a generated model is sized for.</summary>
    public const int ConcurrentSequences = 16;

    /// <summary>A size the default model can take, largest first, with the transformer shape of a common model of that size.</summary>
    private sealed record DefaultSize(double ParametersBillions, string Precision, int Layers, int ConcurrentSequences);

    private static readonly DefaultSize[] DefaultSizes =
    [
        new(70, "bf16", 80, ConcurrentSequences),
        new(70, "fp8", 80, ConcurrentSequences),
        new(32, "bf16", 64, ConcurrentSequences),
        new(32, "fp8", 64, ConcurrentSequences),
        new(8, "bf16", 32, ConcurrentSequences),
        new(8, "fp8", 32, ConcurrentSequences),
        new(8, "fp8", 32, 4),
    ];

    /// <summary>The largest default text model one replica of which fits the pool; the smallest when none does.</summary>
    public static (ModelRequest Request, ModelArchitecture Architecture, int Sequences) DefaultFor(PoolDesign pool)
    {
        var size = DefaultSizes.FirstOrDefault(s =>
                ModelSizing.Fits(ModelSizing.EstimateGiB(s.ParametersBillions, s.Precision, ContextLength, s.ConcurrentSequences, s.Layers), pool.ReplicaCapacityGiB))
            ?? DefaultSizes[^1];
        return (new ModelRequest(DefaultModelName, size.ParametersBillions, size.Precision, ["text"]),
            new ModelArchitecture { Layers = size.Layers, KvHeads = 8, HeadDim = 128 },
            size.ConcurrentSequences);
    }

    /// <summary>The first pool, in request order, that one replica fits on; otherwise the pool with the most room per replica and a warning.</summary>
    public static (PoolDesign Pool, string? Warning) Place(ModelRequest model, IReadOnlyList<PoolDesign> pools, int sequences, int? layers)
    {
        var estimate = ModelSizing.EstimateGiB(model.ParametersBillions, model.Precision, ContextLength, sequences, layers);
        var fitting = pools.FirstOrDefault(p => ModelSizing.Fits(estimate, p.ReplicaCapacityGiB));
        if (fitting is not null)
        {
            return (fitting, null);
        }

        var roomiest = pools.MaxBy(p => p.ReplicaCapacityGiB)!;
        var warning = string.Create(CultureInfo.InvariantCulture,
            $"model {model.Name} ({model.ParametersBillions}B {model.Precision}) needs about {estimate:F0} GiB per replica, more than one node of any pool offers; placed on {roomiest.Name} ({roomiest.ReplicaCapacityGiB:F0} GiB per replica). Run 'sovereignctl plan' on the bundle for the exact figures.");
        return (roomiest, warning);
    }

    public static ModelDeployment Create(ModelRequest model, string tenantNamespace, string mirror, string dataClass, string storageClass,
        PoolDesign pool, ModelArchitecture? architecture, int sequences) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = model.Name,
            NamespaceProperty = tenantNamespace,
            Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = model.Name },
        },
        Spec = new ModelDeploymentSpec
        {
            Model = new ModelIdentity { Name = model.Name, Version = DefaultVersion },
            ParametersBillions = model.ParametersBillions,
            Architecture = architecture,
            Precision = model.Precision,
            Modalities = model.Modalities.ToList(),
            Weights = new WeightsSource
            {
                Uri = $"oci://{mirror}/models/{model.Name}:{DefaultVersion}",
                CacheStorageClass = storageClass,
            },
            Runtime = new ServingRuntime { Engine = "vllm" },
            ContextLength = ContextLength,
            MaxConcurrentSequences = sequences,
            DataClass = dataClass,
            GpuPoolRef = new ObjectReference { Name = pool.Name },
            Replicas = 1,
        },
    };
}
