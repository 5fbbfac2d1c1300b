using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;
using Serilog;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Metrics;

namespace SovereignOps.Runtime.Leadership;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease. The leader renews every retry period; if it
/// cannot renew within the renew deadline it gives up, which cancels the leadership token and with
/// it every reconcile in flight. Standbys take over once the lease has gone unrenewed for a lease
/// duration, measured on their own clock from when they saw the record change (so clock skew
/// between instances does not matter). On shutdown the leader empties the lease so a standby takes
/// over at its next attempt instead of waiting out the lease.
/// </summary>
public sealed class LeaderElector
{
    private readonly KubeApi _api;
    private readonly LeaderElectionOptions _options;
    private readonly RuntimeMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly ResourceType _leases = ResourceType.For<V1Lease>();
    private readonly ResourceKey _key;
    private string? _observedVersion;
    private DateTimeOffset _observedAt;

    public LeaderElector(KubeApi api, LeaderElectionOptions options, RuntimeMetrics? metrics = null, ILogger? logger = null)
    {
        options.Validate();
        _api = api;
        _options = options;
        _metrics = metrics;
        _key = new ResourceKey(options.LeaseNamespace, options.LeaseName);
        _logger = (logger ?? Log.Logger).ForContext<LeaderElector>().ForContext("Lease", _key.ToString()).ForContext("Holder", options.Identity);
    }

    public string Identity => _options.Identity;

    public bool IsLeader { get; private set; }

    /// <summary>The holder last seen on the lease (this instance or another).</summary>
    public string? ObservedLeader { get; private set; }

    /// <summary>
    /// Campaigns until <paramref name="stopping"/> is canceled; while leading, runs
    /// <paramref name="whileLeading"/> with a token canceled when leadership ends. After a lost
    /// lease the instance campaigns again.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> whileLeading, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            if (!await AcquireAsync(stopping))
            {
                return;
            }

            using var leadership = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            SetLeader(true);
            var work = Task.Run(() => whileLeading(leadership.Token), CancellationToken.None);
            var renewing = RenewUntilLostAsync(leadership.Token);
            var first = await Task.WhenAny(work, renewing);
            await leadership.CancelAsync();
            await ObserveEnd(work);
            await renewing;
            SetLeader(false);

            if (stopping.IsCancellationRequested || first == work)
            {
                await ReleaseAsync();
                return;
            }

            _logger.Warning("Lost the leader lease; every reconcile was canceled, campaigning again");
        }
    }

    private async Task<bool> AcquireAsync(CancellationToken stopping)
    {
        _logger.Information("Campaigning for the leader lease");
        while (!stopping.IsCancellationRequested)
        {
            if (await TryAcquireOrRenewAsync(stopping))
            {
                _logger.Information("Became the leader");
                return true;
            }

            if (!await Pause(_options.RetryPeriod, stopping))
            {
                break;
            }
        }

        return false;
    }

    /// <summary>Renews every retry period; returns when the lease could not be renewed within the deadline, or on cancellation.</summary>
    private async Task RenewUntilLostAsync(CancellationToken leadership)
    {
        var lastRenewed = _api.Time.GetUtcNow();
        while (await Pause(_options.RetryPeriod, leadership))
        {
            var remaining = _options.RenewDeadline - (_api.Time.GetUtcNow() - lastRenewed);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(leadership);
            deadline.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            if (await TryAcquireOrRenewAsync(deadline.Token))
            {
                lastRenewed = _api.Time.GetUtcNow();
                continue;
            }

            if (leadership.IsCancellationRequested)
            {
                return;
            }

            if (ObservedLeader != _options.Identity || _api.Time.GetUtcNow() - lastRenewed >= _options.RenewDeadline)
            {
                return;
            }
        }
    }

    private async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = _api.Time.GetUtcNow();
            var current = await _api.GetAsync<V1Lease>(_leases, _key, cancellationToken);
            if (!current.IsSuccess)
            {
                return current.Error.IsNotFound ? await CreateAsync(now, cancellationToken) : Failed("read", current.Error);
            }

            var lease = current.Value;
            var spec = lease.Spec ?? new V1LeaseSpec();
            if (lease.Metadata.ResourceVersion != _observedVersion)
            {
                _observedVersion = lease.Metadata.ResourceVersion;
                _observedAt = now;
            }

            ObservedLeader = string.IsNullOrEmpty(spec.HolderIdentity) ? null : spec.HolderIdentity;
            var heldByOther = ObservedLeader is not null && ObservedLeader != _options.Identity;
            var duration = TimeSpan.FromSeconds(spec.LeaseDurationSeconds ?? (int)_options.LeaseDuration.TotalSeconds);
            if (heldByOther && now < _observedAt + duration)
            {
                return false;
            }

            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject { ["resourceVersion"] = lease.Metadata.ResourceVersion },
                ["spec"] = new JsonObject
                {
                    ["holderIdentity"] = _options.Identity,
                    ["leaseDurationSeconds"] = (int)_options.LeaseDuration.TotalSeconds,
                    ["renewTime"] = MicroTime(now),
                    ["acquireTime"] = heldByOther || ObservedLeader is null ? MicroTime(now) : MicroTime(spec.AcquireTime ?? now.UtcDateTime),
                    ["leaseTransitions"] = (spec.LeaseTransitions ?? 0) + (heldByOther ? 1 : 0),
                },
            };
            var written = await _api.PatchAsync(_leases, _key, PatchType.Merge, patch.ToJsonString(), new PatchOptions(), cancellationToken);
            if (!written.IsSuccess)
            {
                return Failed("update", written.Error);
            }

            ObservedLeader = _options.Identity;
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<bool> CreateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lease = new V1Lease
        {
            ApiVersion = _leases.ApiVersion,
            Kind = _leases.Kind,
            Metadata = new V1ObjectMeta { Name = _options.LeaseName, NamespaceProperty = _options.LeaseNamespace },
            Spec = new V1LeaseSpec
            {
                HolderIdentity = _options.Identity,
                LeaseDurationSeconds = (int)_options.LeaseDuration.TotalSeconds,
                AcquireTime = now.UtcDateTime,
                RenewTime = now.UtcDateTime,
                LeaseTransitions = 0,
            },
        };
        var created = await _api.CreateAsync(_leases, lease, cancellationToken);
        if (!created.IsSuccess)
        {
            return Failed("create", created.Error);
        }

        ObservedLeader = _options.Identity;
        return true;
    }

    /// <summary>Empties the lease if this instance still holds it, so a standby need not wait for it to expire.</summary>
    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(_options.RenewDeadline);
        try
        {
            var current = await _api.GetAsync<V1Lease>(_leases, _key, timeout.Token);
            if (!current.IsSuccess || current.Value.Spec?.HolderIdentity != _options.Identity)
            {
                return;
            }

            var now = _api.Time.GetUtcNow();
            var patch = new JsonObject
            {
                ["metadata"] = new JsonObject { ["resourceVersion"] = current.Value.Metadata.ResourceVersion },
                ["spec"] = new JsonObject
                {
                    ["holderIdentity"] = null,
                    ["leaseDurationSeconds"] = 1,
                    ["renewTime"] = MicroTime(now),
                    ["acquireTime"] = MicroTime(now),
                },
            };
            var released = await _api.PatchAsync(_leases, _key, PatchType.Merge, patch.ToJsonString(), new PatchOptions(), timeout.Token);
            if (released.IsSuccess)
            {
                _logger.Information("Released the leader lease");
            }
            else
            {
                _logger.Warning("Could not release the leader lease: {Error}", released.Error);
            }
        }
        catch (OperationCanceledException)
        {
            _logger.Warning("Could not release the leader lease in time; standbys take over when it expires");
        }
    }

    private bool Failed(string action, ApiError error)
    {
        // A conflict means another instance wrote the lease first: a lost race, not a failure.
        if (!error.IsConflict)
        {
            _logger.Warning("Could not {Action} the leader lease: {Error}", action, error);
        }

        return false;
    }

    private void SetLeader(bool leading)
    {
        IsLeader = leading;
        _metrics?.IsLeader.WithLabels(_key.ToString()).Set(leading ? 1 : 0);
    }

    private async Task ObserveEnd(Task work)
    {
        try
        {
            await work;
        }
        catch (OperationCanceledException)
        {
            // The expected end of the work when leadership is canceled.
        }
        catch (Exception exception)
        {
            _logger.Error(exception, "The work run while leading failed");
        }
    }

    private async Task<bool> Pause(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _api.Time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string MicroTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string MicroTime(DateTime time) => MicroTime(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)));
}
