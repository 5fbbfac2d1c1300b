using System.Globalization;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Cluster.Model;
using SovereignOps.Sandbox.Cluster.Timing;
using SovereignOps.Sandbox.Controllers;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Cluster.Kubelet;

/// <summary>
/// The pod side of the simulated kubelets. A pod bound to a node whose kubelet runs is started at once
/// (Running, a pod IP from the node's CIDR, containers started but not ready), becomes Ready after its start
/// delay, and — for restartPolicy Never or OnFailure — finishes after its run duration with the exit code its
/// annotation asks for. A pod marked for deletion has its containers stopped and is deleted with grace 0.
/// Each step is level-based: <see cref="Sync"/> looks at the pod as it is now, so a timer that fires late,
/// or a kubelet that restarts, brings the pod to where it should be. Loop thread only.
/// </summary>
internal sealed class PodRunner(ResourceApi api, ClusterState state, NodeAgents agents, TimerQueue timers, ClusterOptions options, TimeProvider clock)
{
    private const string Manager = "kubelet";

    private readonly Dictionary<string, PodRecord> _records = new(StringComparer.Ordinal);
    private ResourceType? _pods;

    public void PodChanged(PodFacts? previous, PodFacts? current)
    {
        if (current is null)
        {
            if (previous is not null && _records.Remove(previous.Uid, out var gone))
            {
                agents.Addresses(gone.Node)?.Release(previous.Uid);
            }

            return;
        }

        Sync(current);
    }

    /// <summary>A restarted kubelet re-reports every pod it runs: ready ones are made ready again.</summary>
    public void NodeResumed(string node)
    {
        foreach (var pod in state.PodsOn(node))
        {
            if (_records.TryGetValue(pod.Uid, out var record))
            {
                record.ReadyReported = false;
            }

            Sync(pod);
        }
    }

    public void Sync(PodFacts pod)
    {
        if (pod.NodeName.Length == 0 || !agents.IsRunning(pod.NodeName))
        {
            return;
        }

        if (pod.IsDeleting)
        {
            Terminate(pod);
            return;
        }

        if (!_records.TryGetValue(pod.Uid, out var record))
        {
            if (pod.IsTerminal)
            {
                return;
            }

            Start(pod);
            return;
        }

        if (record.Finished || pod.IsTerminal)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (record.FinishAt is { } finishAt && finishAt <= now)
        {
            Finish(pod, record);
        }
        else if (record.ReadyAt <= now && !record.ReadyReported)
        {
            ReportRunning(pod, record, ready: true);
        }
    }

    private void Start(PodFacts pod)
    {
        var ip = pod.PodIp.Length > 0 ? pod.PodIp : agents.Addresses(pod.NodeName)?.Allocate(pod.Uid);
        if (ip is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var startDelay = Duration(pod, PodFacts.StartDelayAnnotation) ?? options.PodStartDelay;
        var record = new PodRecord(pod.NodeName, ip, now, now + startDelay);
        if (pod.RestartPolicy is "Never" or "OnFailure")
        {
            record.FinishAt = record.ReadyAt + (Duration(pod, PodFacts.RunDurationAnnotation) ?? options.PodRunDuration);
        }

        _records[pod.Uid] = record;
        ReportRunning(pod, record, ready: startDelay <= TimeSpan.Zero);
        var key = pod.Key;
        if (startDelay > TimeSpan.Zero)
        {
            timers.At(record.ReadyAt, () => SyncByKey(key));
        }

        if (record.FinishAt is { } finishAt)
        {
            timers.At(finishAt, () => SyncByKey(key));
        }
    }

    private void SyncByKey(string key)
    {
        if (state.Pod(key) is { } pod)
        {
            Sync(pod);
        }
    }

    private void ReportRunning(PodFacts pod, PodRecord record, bool ready)
    {
        record.ReadyReported = ready;
        var hostIp = agents.HostIp(pod.NodeName);
        var now = clock.GetUtcNow();
        Write(pod, obj =>
        {
            PodStatusReport.Running(obj, hostIp, record.Ip, record.StartedAt, ready, now);
            return true;
        });
    }

    private void Finish(PodFacts pod, PodRecord record)
    {
        record.Finished = true;
        agents.Addresses(record.Node)?.Release(pod.Uid);
        var exitCode = pod.Annotations.TryGetValue(PodFacts.ExitCodeAnnotation, out var text)
            && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) ? code : 0;
        var now = clock.GetUtcNow();
        Write(pod, obj =>
        {
            PodStatusReport.Finished(obj, exitCode, now);
            return true;
        });
    }

    /// <summary>The containers stop at once (nothing really runs); the pod object then goes, as a kubelet's final delete does.</summary>
    private void Terminate(PodFacts pod)
    {
        if (_records.TryGetValue(pod.Uid, out var record))
        {
            if (record.Terminating)
            {
                return;
            }

            record.Terminating = true;
        }

        _pods ??= api.Resolve("", "v1", "pods")!;
        api.Delete(_pods, pod.Namespace, pod.Name, new DeleteOptions { GracePeriodSeconds = 0, PreconditionUid = pod.Uid });
    }

    private void Write(PodFacts pod, Func<System.Text.Json.Nodes.JsonObject, bool> change)
    {
        _pods ??= api.Resolve("", "v1", "pods")!;
        ControllerWrites.Update(api, _pods, pod.Namespace, pod.Name, Manager, obj =>
            obj.Metadata().GetString("uid") == pod.Uid && obj.Metadata()["deletionTimestamp"] is null && change(obj), Subresource.Status);
    }

    private static TimeSpan? Duration(PodFacts pod, string annotation) =>
        pod.Annotations.TryGetValue(annotation, out var text) && GoDuration.TryParse(text, out var duration) ? duration : null;

    private sealed class PodRecord(string node, string ip, DateTimeOffset startedAt, DateTimeOffset readyAt)
    {
        public string Node { get; } = node;

        public string Ip { get; } = ip;

        public DateTimeOffset StartedAt { get; } = startedAt;

        public DateTimeOffset ReadyAt { get; } = readyAt;

        public DateTimeOffset? FinishAt { get; set; }

        public bool ReadyReported { get; set; }

        public bool Finished { get; set; }

        public bool Terminating { get; set; }
    }
}
