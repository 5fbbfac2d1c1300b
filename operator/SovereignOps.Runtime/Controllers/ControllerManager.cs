using Serilog;
using SovereignOps.Runtime.Informers;
using SovereignOps.Runtime.Leadership;

namespace SovereignOps.Runtime.Controllers;

/// <summary>
/// Runs an operator's informers for the life of the process and its controllers while this
/// instance leads (or always, without an election). Informers keep their caches warm on standbys,
/// so a new leader starts reconciling from synced caches at once.
/// </summary>
public sealed class ControllerManager(InformerSet informers, IReadOnlyList<IController> controllers, LeaderElector? elector = null, ILogger? logger = null)
{
    private readonly ILogger _logger = (logger ?? Log.Logger).ForContext<ControllerManager>();

    /// <summary>Live: the manager is running.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>Ready: every cache has synced (a standby is ready too: it can take over at once).</summary>
    public bool IsReady => IsRunning && informers.AllSynced;

    public bool IsLeader => elector?.IsLeader ?? IsRunning;

    public async Task RunAsync(CancellationToken stopping)
    {
        IsRunning = true;
        using var informersStop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var caches = informers.All.Select(i => i.RunAsync(informersStop.Token)).ToList();
        try
        {
            if (elector is null)
            {
                await RunControllersAsync(stopping);
            }
            else
            {
                await elector.RunAsync(RunControllersAsync, stopping);
            }
        }
        finally
        {
            await informersStop.CancelAsync();
            await Task.WhenAll(caches);
            IsRunning = false;
        }
    }

    private async Task RunControllersAsync(CancellationToken leading)
    {
        _logger.Information("Starting {Count} controllers", controllers.Count);
        await Task.WhenAll(controllers.Select(c => c.RunAsync(leading)));
    }
}
