using System.Collections.Concurrent;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Operator.Cluster;
using SovereignOps.Rendering;
using SovereignOps.Runtime.Controllers;
using SovereignOps.Runtime.Informers;

namespace SovereignOps.Operator.Desired;

/// <summary>
/// The desired state every reconciler works from, computed once per cluster state: the view
/// (validation and plan) is rebuilt only after a change the plan depends on, and each profile is
/// rendered at most once per view, however many reconcilers ask. Renders go through one
/// <see cref="HelmRenderer"/>, whose cache makes an unchanged chart input cost no helm process.
/// <para>
/// What the plan depends on is counted as the informers report it: a custom resource's spec,
/// identity or deletion, and of a node what <see cref="ClusterSnapshot.NodePlanKey"/> covers.
/// Status writes and node heartbeats leave the view as it is, so asking for it costs a counter
/// read, not a pass over the caches.
/// </para>
/// </summary>
public sealed class DesiredState
{
    private readonly ClusterInformers informers;
    private readonly HelmRenderer renderer;
    private readonly Lock _gate = new();
    private long _planInputs;

    // Helm processes are a machine resource, bounded for the whole process (every host in it): two
    // per processor, one waiting on the disk while the other computes, as the CLI's pipeline does.
    private static readonly SemaphoreSlim RenderSlots = new(2 * Environment.ProcessorCount);
    private Snapshot? _current;

    public DesiredState(ClusterInformers informers, HelmRenderer renderer)
    {
        this.informers = informers;
        this.renderer = renderer;
        informers.Policies.Subscribe(Count<DataResidencyPolicy>(ChangeFilters.SpecOrLifecycle));
        informers.Profiles.Subscribe(Count<SovereignProfile>(ChangeFilters.SpecOrLifecycle));
        informers.Pools.Subscribe(Count<GpuPool>(ChangeFilters.SpecOrLifecycle));
        informers.Models.Subscribe(Count<ModelDeployment>(ChangeFilters.SpecOrLifecycle));
        informers.Catalogs.Subscribe(Count<AgentCatalog>(ChangeFilters.SpecOrLifecycle));
        informers.Nodes.Subscribe(Count(ClusterSnapshot.NodePlanChanged));
    }

    public HelmRenderer Renderer => renderer;

    /// <summary>The view of the cluster as the caches hold it now.</summary>
    public ClusterView View() => Current().View;

    /// <summary>The rendered profile for the current view; null when the profile is not deployable.</summary>
    public async Task<(ClusterView View, DeployableProfile? Profile, ProfileRender? Render)> RenderAsync(string profileName, CancellationToken cancellationToken)
    {
        var snapshot = Current();
        if (snapshot.View.Profile(profileName) is not { } profile)
        {
            return (snapshot.View, null, null);
        }

        var render = snapshot.Renders.GetOrAdd(profileName, _ => new Lazy<Task<ProfileRender>>(
            () => ProfileRender.RenderAsync(renderer, profile, snapshot.View.SurgeFits, RenderSlots, CancellationToken.None)));
        try
        {
            return (snapshot.View, profile, await render.Value.WaitAsync(cancellationToken));
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed render is not kept: the next reconcile tries again.
            snapshot.Renders.TryRemove(new KeyValuePair<string, Lazy<Task<ProfileRender>>>(profileName, render));
            throw;
        }
    }

    private Snapshot Current()
    {
        // Read before the caches are: a change that lands while the view is built is counted
        // after this read, so the next call builds again.
        var inputs = Interlocked.Read(ref _planInputs);
        lock (_gate)
        {
            if (_current?.Inputs != inputs)
            {
                _current = new Snapshot(inputs, new ClusterView(ClusterSnapshot.Build(informers)));
            }

            return _current;
        }
    }

    private Action<InformerEvent<T>> Count<T>(Func<InformerEvent<T>, bool> relevant)
        where T : class =>
        change =>
        {
            if (relevant(change))
            {
                Interlocked.Increment(ref _planInputs);
            }
        };

    private sealed record Snapshot(long Inputs, ClusterView View)
    {
        public ConcurrentDictionary<string, Lazy<Task<ProfileRender>>> Renders { get; } = new(StringComparer.Ordinal);
    }
}
