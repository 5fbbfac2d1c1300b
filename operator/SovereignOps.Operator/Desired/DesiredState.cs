using System.Collections.Concurrent;
using SovereignOps.Operator.Cluster;
using SovereignOps.Rendering;

namespace SovereignOps.Operator.Desired;

/// <summary>
/// The desired state every reconciler works from, computed once per cluster state: the view
/// (validation and plan) is rebuilt only when the fingerprint of the caches changes, and each
/// profile is rendered at most once per view, however many reconcilers ask. Renders go through one
/// <see cref="HelmRenderer"/>, whose cache makes an unchanged chart input cost no helm process.
/// </summary>
public sealed class DesiredState(ClusterInformers informers, HelmRenderer renderer)
{
    private readonly Lock _gate = new();

    // Helm processes are a machine resource, bounded for the whole process (every host in it): two
    // per processor, one waiting on the disk while the other computes, as the CLI's pipeline does.
    private static readonly SemaphoreSlim RenderSlots = new(2 * Environment.ProcessorCount);
    private Snapshot? _current;

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
        var fingerprint = ClusterSnapshot.Fingerprint(informers);
        lock (_gate)
        {
            if (_current?.Fingerprint != fingerprint)
            {
                _current = new Snapshot(fingerprint, new ClusterView(ClusterSnapshot.Build(informers)));
            }

            return _current;
        }
    }

    private sealed record Snapshot(string Fingerprint, ClusterView View)
    {
        public ConcurrentDictionary<string, Lazy<Task<ProfileRender>>> Renders { get; } = new(StringComparer.Ordinal);
    }
}
