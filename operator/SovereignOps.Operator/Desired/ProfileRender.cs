using SovereignOps.Planning;
using SovereignOps.Planning.Guard;
using SovereignOps.Rendering;
using SovereignOps.Rendering.Manifests;
using SovereignOps.Rendering.Pipeline;

namespace SovereignOps.Operator.Desired;

/// <summary>
/// Every chart of a deployable profile rendered as the CLI's render pipeline does it (values from
/// the plan, helm, images moved to the mirror, the residency guard over the whole profile), with
/// each object and each violation attributed to the unit that rendered it, so that one model's
/// violation stops that model alone.
/// </summary>
public sealed class ProfileRender
{
    private readonly Dictionary<string, RenderedUnit> _units;

    private ProfileRender(Dictionary<string, RenderedUnit> units) => _units = units;

    public IReadOnlyCollection<RenderedUnit> Units => _units.Values;

    /// <summary>The tenant baseline's unit: the profile's subject.</summary>
    public RenderedUnit? Tenant(DeployableProfile profile) => Unit($"{profile.Plan.Profile.Kind} {profile.Name}");

    public RenderedUnit? Unit(string subject) => _units.GetValueOrDefault(subject);

    /// <param name="renderer">The process's renderer, whose cache makes unchanged units free.</param>
    /// <param name="profile">What to render.</param>
    /// <param name="surgeFits">Whether a model's pool has room for a surge replica (the rollout is rendered accordingly).</param>
    /// <param name="slots">Bounds helm processes across every profile rendering at once.</param>
    /// <param name="cancellationToken">Stops waiting for a slot or a render.</param>
    public static async Task<ProfileRender> RenderAsync(HelmRenderer renderer, DeployableProfile profile, Func<PlannedModel, bool> surgeFits, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var units = ProfileRenderUnits.For(profile.Plan, surgeFits);
        var results = await Task.WhenAll(units.Select(async u =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await renderer.RenderAsync(u.Values, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));
        var mirror = profile.Plan.Profile.Spec.Registry.Mirror;
        var objects = new Dictionary<string, List<RenderedObject>>(StringComparer.Ordinal);
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var renderedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var guarded = new List<GuardedObject>();
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            objects[unit.Subject] = [];
            if (!results[i].IsSuccess)
            {
                failures[unit.Subject] = results[i].Error!.Message;
                continue;
            }

            foreach (var rendered in results[i].Manifest!)
            {
                if (!renderedBy.TryAdd(Identity(rendered.Kind, rendered.Namespace, rendered.Name), unit.Subject))
                {
                    failures[unit.Subject] = $"{rendered.DisplayName} is also rendered for {renderedBy[Identity(rendered.Kind, rendered.Namespace, rendered.Name)]}; rename one of them";
                    continue;
                }

                ImageRewriter.Rewrite(rendered.Object, mirror);
                objects[unit.Subject].Add(rendered);
                guarded.Add(new GuardedObject(rendered.Object, unit.Pool, unit.DataClasses));
            }
        }

        var violations = ResidencyGuard.Check(profile.Plan.GuardContext, guarded)
            .GroupBy(v => renderedBy.GetValueOrDefault(Identity(v.Object.Kind, v.Object.Namespace, v.Object.Name)) ?? units[0].Subject)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Violation>)[.. g], StringComparer.Ordinal);
        return new ProfileRender(units.ToDictionary(
            u => u.Subject,
            u => new RenderedUnit(u, [.. objects[u.Subject].Select(o => new DesiredObject(o))], violations.GetValueOrDefault(u.Subject) ?? [], failures.GetValueOrDefault(u.Subject)),
            StringComparer.Ordinal));
    }

    private static string Identity(string kind, string? ns, string name) => $"{kind} {ns}/{name}";
}
