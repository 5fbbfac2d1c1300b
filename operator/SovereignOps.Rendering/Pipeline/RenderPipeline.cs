using SovereignOps.Api.Bundles;
using SovereignOps.Api.Validation;
using SovereignOps.Planning;
using SovereignOps.Planning.Capacity;
using SovereignOps.Planning.Guard;
using SovereignOps.Rendering.Manifests;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>
/// From a bundle to the exact objects to apply: validate, plan, build chart values from the plan,
/// render every chart with helm, move every image to the profile's mirror, and run the residency
/// guard over the result. The CLI's <c>render</c> and the operator share it, so what a sales
/// engineer renders offline is what the operator applies. Keep one pipeline (and so one renderer)
/// per process: unchanged renders then come from the renderer's cache.
/// </summary>
public sealed class RenderPipeline
{
    private readonly HelmRenderer renderer;
    private readonly int parallelRenders;

    /// <param name="renderer">The renderer whose cache the pipeline shares.</param>
    /// <param name="parallelRenders">
    /// Renders under way at once; 0 for two per processor: while one helm process waits on the disk
    /// or the previous render's output is parsed, another keeps the processor busy.
    /// </param>
    public RenderPipeline(HelmRenderer renderer, int parallelRenders = 0)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentOutOfRangeException.ThrowIfNegative(parallelRenders);
        this.renderer = renderer;
        this.parallelRenders = parallelRenders == 0 ? 2 * Environment.ProcessorCount : parallelRenders;
    }

    public HelmRenderer Renderer => renderer;

    public async Task<PipelineResult> RunAsync(Bundle bundle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var errors = BundleValidator.Validate(bundle);
        if (errors.Count > 0)
        {
            return new PipelineResult { FailedStage = PipelineStage.Validation, ValidationErrors = errors };
        }

        var plan = BundlePlanner.Plan(bundle);
        if (!plan.Succeeded)
        {
            return new PipelineResult { FailedStage = PipelineStage.Plan, Plan = plan };
        }

        // Every chart of every profile in one batch, so helm processes stay busy until the last one.
        bool SurgeFits(PlannedModel model) => RolloutHeadroom.SurgeFits(bundle, plan.Capacity, model.Capacity);
        var units = plan.Profiles.Select(profile => (Profile: profile, Units: ProfileRenderUnits.For(profile, SurgeFits))).ToList();
        var results = await RenderAllAsync(units.SelectMany(p => p.Units).ToList(), cancellationToken);

        var failures = new List<RenderFailure>();
        var violations = new List<Violation>();
        var manifests = new List<ProfileManifest>();
        var offset = 0;
        foreach (var (profile, profileUnits) in units)
        {
            var rendered = Collect(profile, profileUnits, results.AsSpan(offset, profileUnits.Count));
            offset += profileUnits.Count;
            failures.AddRange(rendered.Failures);
            if (rendered.Failures.Count == 0)
            {
                violations.AddRange(ResidencyGuard.Check(profile.GuardContext, rendered.Guarded));
                manifests.Add(new ProfileManifest(profile.Name, new RenderedManifest(rendered.Objects)));
            }
        }

        return failures.Count > 0
            ? new PipelineResult { FailedStage = PipelineStage.Render, Plan = plan, RenderFailures = failures }
            : violations.Count > 0
                ? new PipelineResult { FailedStage = PipelineStage.Guard, Plan = plan, Violations = violations }
                : new PipelineResult { Plan = plan, Manifests = manifests };
    }

    private async Task<RenderResult[]> RenderAllAsync(IReadOnlyList<RenderUnit> units, CancellationToken cancellationToken)
    {
        var results = new RenderResult[units.Count];
        using var slots = new SemaphoreSlim(parallelRenders);
        await Task.WhenAll(units.Select(async (unit, i) =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                results[i] = await renderer.RenderAsync(unit.Values, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));
        return results;
    }

    private static RenderedProfile Collect(ProfilePlan profile, IReadOnlyList<RenderUnit> units, ReadOnlySpan<RenderResult> results)
    {
        var failures = new List<RenderFailure>();
        var objects = new List<RenderedObject>();
        var guarded = new List<GuardedObject>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var mirror = profile.Profile.Spec.Registry.Mirror;
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (!results[i].IsSuccess)
            {
                failures.Add(new RenderFailure(unit.Subject, results[i].Error!));
                continue;
            }

            foreach (var rendered in results[i].Manifest!)
            {
                if (!owners.TryAdd(rendered.DisplayName, unit.Subject))
                {
                    failures.Add(new RenderFailure(unit.Subject, new RenderError
                    {
                        Kind = RenderErrorKind.InvalidObject,
                        Chart = unit.Values.ChartName,
                        ObjectKind = rendered.Kind,
                        ObjectName = rendered.Name,
                        Message = $"{rendered.DisplayName} is also rendered for {owners[rendered.DisplayName]}; rename one of them",
                    }));
                    continue;
                }

                ImageRewriter.Rewrite(rendered.Object, mirror);
                objects.Add(rendered);
                guarded.Add(new GuardedObject(rendered.Object, unit.Pool, unit.DataClasses));
            }
        }

        return new RenderedProfile(objects, guarded, failures);
    }

    private sealed record RenderedProfile(IReadOnlyList<RenderedObject> Objects, IReadOnlyList<GuardedObject> Guarded, IReadOnlyList<RenderFailure> Failures);
}
