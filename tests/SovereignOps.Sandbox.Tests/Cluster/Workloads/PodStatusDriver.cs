using k8s;
using k8s.Models;

namespace SovereignOps.Sandbox.Tests.Cluster.Workloads;

/// <summary>
/// Plays the kubelet for tests that run without nodes: writes pod status through the API (phase, pod IP,
/// Ready condition, container statuses), as a kubelet reports a started pod.
/// </summary>
public sealed class PodStatusDriver(Kubernetes client)
{
    private int _nextIp = 10;

    /// <summary>Marks every active pod of the namespace (optionally only those matching a label selector) Running and Ready.</summary>
    public async Task ReadyAllAsync(string ns, string? labelSelector = null)
    {
        var pods = await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: labelSelector);
        foreach (var pod in pods.Items.Where(p => p.Metadata.DeletionTimestamp is null && p.Status?.Phase is null or "Pending"))
        {
            try
            {
                await SetAsync(pod, "Running", ready: true);
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // scaled away meanwhile
            }
        }
    }

    /// <summary>Marks one pod Running with the given readiness, re-reading it when something else (the scheduler) wrote in between.</summary>
    public async Task SetAsync(V1Pod pod, string phase, bool ready)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            if (await TrySetAsync(pod, phase, ready))
            {
                return;
            }

            pod = await client.CoreV1.ReadNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty);
        }

        throw new InvalidOperationException($"pod {pod.Metadata.Name} kept changing while its status was written");
    }

    private async Task<bool> TrySetAsync(V1Pod pod, string phase, bool ready)
    {
        var now = DateTime.UtcNow;
        pod.Status = new V1PodStatus
        {
            Phase = phase,
            PodIP = pod.Status?.PodIP ?? $"10.244.0.{Interlocked.Increment(ref _nextIp)}",
            StartTime = now,
            Conditions =
            [
                new V1PodCondition { Type = "Ready", Status = ready ? "True" : "False", LastTransitionTime = now },
                new V1PodCondition { Type = "ContainersReady", Status = ready ? "True" : "False", LastTransitionTime = now },
            ],
            ContainerStatuses = [.. pod.Spec.Containers.Select(c => new V1ContainerStatus
            {
                Name = c.Name, Image = c.Image, ImageID = "", Ready = ready, RestartCount = 0, Started = phase == "Running",
                State = phase == "Running" ? new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = now } }
                    : new V1ContainerState { Terminated = new V1ContainerStateTerminated { ExitCode = phase == "Succeeded" ? 0 : 1, Reason = phase == "Succeeded" ? "Completed" : "Error" } },
            })],
        };
        try
        {
            await client.CoreV1.ReplaceNamespacedPodStatusAsync(pod, pod.Metadata.Name, pod.Metadata.NamespaceProperty);
            return true;
        }
        catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            return false;
        }
    }
}
