using System.Text.RegularExpressions;
using k8s.Models;
using SovereignOps.Api.Bundles;
using SovereignOps.Api.Presets;
using SovereignOps.Api.V1Alpha1;

namespace SovereignOps.Api.Profiles;

/// <summary>
/// Turns a <see cref="ProfileRequest"/> into a complete country bundle — namespace, policy (from the preset),
/// profile, pools, models, agent catalog and simulated nodes — as YAML files. Pure: no clock, no I/O, so the
/// same request always gives the same bytes.
/// </summary>
public static partial class ProfileGenerator
{
    private static readonly GpuRequest DefaultGpus = new("H100-80GB", 16);

    public static ProfileGeneration Generate(ProfileRequest request)
    {
        var errors = new List<string>();
        var preset = CountryPresets.Find(request.Country);
        if (preset is null)
        {
            errors.Add($"--country '{request.Country}': no preset for this country; presets: {CountryPresets.Codes}");
        }

        var customer = request.Customer.Trim();
        if (customer.Length is 0 or > 256)
        {
            errors.Add("--customer: the customer's name is required, at most 256 characters");
        }

        if (preset is null || errors.Count > 0)
        {
            return ProfileGeneration.Failed(errors);
        }

        var slug = CustomerNames.Slug(customer);
        var profileName = $"{preset.Code.ToLowerInvariant()}-{slug}";
        var tenantNamespace = request.Namespace?.Trim() ?? profileName;
        if (tenantNamespace.Length > 63 || !DnsLabel().IsMatch(tenantNamespace))
        {
            errors.Add($"--namespace '{tenantNamespace}': must be a DNS label (lower-case letters, digits, '-'; at most 63 characters)");
        }

        var mirror = request.Mirror?.Trim() ?? $"registry.{slug}.{preset.GovernmentDomain}";
        if (mirror.Length > 255 || !MirrorHost().IsMatch(mirror))
        {
            errors.Add($"--mirror '{mirror}': must be a registry host with an optional port and path, e.g. registry.example.go.th/sovereign");
        }
        else if (preset.AirGapped && mirror.StartsWith("docker.io", StringComparison.Ordinal))
        {
            errors.Add($"--mirror '{mirror}': {preset.Code} profiles are air-gapped and need an in-country mirror, not a public registry");
        }

        var pools = ResolvePools(request.Gpus.Count > 0 ? request.Gpus : [DefaultGpus], preset, slug, errors);
        var duplicate = request.Models.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add($"--model: '{duplicate.Key}' is given more than once; model names must be unique");
        }

        if (errors.Count > 0)
        {
            return ProfileGeneration.Failed(errors);
        }

        var context = new GenerationContext(preset, customer, slug, profileName, tenantNamespace, mirror, pools);
        var warnings = new List<string>();
        var bundle = BuildBundle(context, request.Models, warnings);
        return ProfileGeneration.Generated(bundle, ProfileFiles.Write(bundle, context), warnings);
    }

    private static List<PoolDesign> ResolvePools(IReadOnlyList<GpuRequest> requests, CountryPreset preset, string slug, List<string> errors)
    {
        var pools = new List<PoolDesign>();
        foreach (var request in requests)
        {
            var (design, error) = PoolDesign.Resolve(request, preset, slug);
            if (design is null)
            {
                errors.Add(error!);
                continue;
            }

            // Two requests for the same hardware in the same region become two pools, told apart by a suffix.
            var name = design.Name;
            for (var n = 2; pools.Any(p => p.Name == name); n++)
            {
                name = $"{design.Name}-{n}";
            }

            pools.Add(design with { Name = name });
        }

        return pools;
    }

    private static Bundle BuildBundle(GenerationContext context, IReadOnlyList<ModelRequest> requested, List<string> warnings)
    {
        var policy = context.Preset.CreatePolicy();
        var storageClass = policy.Spec.Storage?.AllowedStorageClasses.FirstOrDefault() ?? string.Empty;
        var bundle = new Bundle
        {
            Namespaces = [TenantNamespace(context)],
            Policies = [policy],
            Profiles = [Profile(context)],
            Pools = context.Pools.Select(p => PoolFactory.Create(p, context.ProfileName, policy.Spec)).ToList(),
            Nodes = context.Pools.SelectMany(p => NodeFactory.Create(p, context.ProfileName, dedicated: true)).ToList(),
        };

        if (requested.Count == 0)
        {
            var pool = context.Pools[0];
            var (model, architecture, sequences) = ModelFactory.DefaultFor(pool);
            bundle.Models.Add(ModelFactory.Create(model, context.Namespace, context.Mirror, context.Preset.WorkloadDataClass, storageClass, pool, architecture, sequences));
        }

        foreach (var model in requested)
        {
            var (pool, warning) = ModelFactory.Place(model, context.Pools, ModelFactory.ConcurrentSequences, layers: null);
            if (warning is not null)
            {
                warnings.Add(warning);
            }

            bundle.Models.Add(ModelFactory.Create(model, context.Namespace, context.Mirror, context.Preset.WorkloadDataClass, storageClass, pool, null, ModelFactory.ConcurrentSequences));
        }

        var agentModel = bundle.Models.FirstOrDefault(m => m.Spec.Modalities.Contains("text")) ?? bundle.Models[0];
        bundle.Catalogs.Add(StarterAgents.Create(context.Namespace, context.Slug, agentModel.Metadata.Name, context.Preset.WorkloadDataClass));
        return bundle;
    }

    private static V1Namespace TenantNamespace(GenerationContext context) => new()
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta
        {
            Name = context.Namespace,
            Labels = new Dictionary<string, string>(ProfileLabels.RestrictedPodSecurity)
            {
                [ProfileLabels.Profile] = context.ProfileName,
            },
        },
    };

    private static SovereignProfile Profile(GenerationContext context) => new()
    {
        Metadata = new V1ObjectMeta { Name = context.ProfileName },
        Spec = new SovereignProfileSpec
        {
            Country = context.Preset.Code,
            Customer = context.Customer,
            ResidencyPolicyRef = new ObjectReference { Name = context.Preset.PolicyName },
            TenantNamespace = context.Namespace,
            Registry = new RegistryMirror
            {
                Mirror = context.Mirror,
                AirGapped = context.Preset.AirGapped,
                PullSecretName = "registry-credentials",
            },
            Languages = context.Preset.Languages.ToList(),
            OwnerGroups =
            [
                new OwnerGroup { Name = $"{context.Slug}-admins", Role = "Admin" },
                new OwnerGroup { Name = $"{context.Slug}-operators", Role = "Operator" },
                new OwnerGroup { Name = $"{context.Slug}-viewers", Role = "Viewer" },
            ],
            DefaultGpuPool = context.Pools[0].Name,
            AllowedServiceTypes = ["ClusterIP"],
        },
    };

    [GeneratedRegex(ApiGroup.DnsLabelPattern)]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]+([.-][a-z0-9]+)*(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)*$")]
    private static partial Regex MirrorHost();
}
