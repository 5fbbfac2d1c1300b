using k8s;
using k8s.Models;
using SovereignOps.Api.Bundles;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Validation;

/// <summary>
/// The lookups the rules share — which profile owns a pool or a namespace, which policy binds a profile —
/// and the one way to build an error located at an object's field.
/// </summary>
public sealed class BundleIndex
{
    public BundleIndex(Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        Bundle = bundle;
    }

    public Bundle Bundle { get; }

    public DataResidencyPolicy? PolicyOf(SovereignProfile profile) => Bundle.FindPolicy(profile.Spec.ResidencyPolicyRef.Name);

    public SovereignProfile? ProfileOf(GpuPool pool) => Bundle.FindProfile(pool.Spec.ProfileRef.Name);

    public DataResidencyPolicy? PolicyOf(GpuPool pool) => ProfileOf(pool) is { } profile ? PolicyOf(profile) : null;

    /// <summary>The profile whose tenant namespace is <paramref name="namespaceName"/>.</summary>
    public SovereignProfile? ProfileOwning(string? namespaceName) => Bundle.ProfileForNamespace(namespaceName);

    public DataResidencyPolicy? PolicyOwning(string? namespaceName) =>
        ProfileOwning(namespaceName) is { } profile ? PolicyOf(profile) : null;

    public IEnumerable<ModelDeployment> ModelsIn(string? namespaceName) =>
        Bundle.Models.Where(m => m.Metadata.NamespaceProperty == namespaceName);

    /// <summary>
    /// The pool a model is placed on (its gpuPoolRef, else its profile's default pool), but only when that
    /// pool belongs to the profile owning the model's namespace; anything else is a reference error that
    /// another rule reports.
    /// </summary>
    public GpuPool? PoolOf(ModelDeployment model)
    {
        var owner = ProfileOwning(model.Metadata.NamespaceProperty);
        var pool = Bundle.PoolFor(model);
        return owner is not null && pool is not null && pool.Spec.ProfileRef.Name == owner.Metadata.Name ? pool : null;
    }

    /// <summary>The class named <paramref name="name"/> in <paramref name="policy"/>, if it defines one.</summary>
    public static DataClass? DataClassOf(DataResidencyPolicy policy, string? name) =>
        policy.Spec.DataClasses.Find(c => c.Name == name);

    /// <summary>
    /// An error at <paramref name="fieldPath"/> of <paramref name="resource"/>: at the field's line when the
    /// object was read from a file (or the nearest enclosing field written there), otherwise named by kind and key.
    /// </summary>
    public ValidationError Error(IKubernetesObject<V1ObjectMeta> resource, string fieldPath, string message)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (Bundle.SourceOf(resource) is not { } source)
        {
            return new ValidationError(Describe(resource), 0, null, fieldPath, message);
        }

        if (source.Fields is { } fields)
        {
            var position = fields.Locate(fieldPath);
            return new ValidationError(source.File, position.Line, position.Column, fieldPath, message);
        }

        return new ValidationError(source.File, source.Line, null, fieldPath, message);
    }

    /// <summary><c>Kind/name</c> or <c>Kind/namespace/name</c>, how objects are named in messages.</summary>
    public static string Describe(IKubernetesObject<V1ObjectMeta> resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var meta = resource.Metadata;
        return string.IsNullOrEmpty(meta?.NamespaceProperty)
            ? $"{resource.Kind}/{meta?.Name}"
            : $"{resource.Kind}/{meta.NamespaceProperty}/{meta.Name}";
    }
}
