using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The Job controller: runs up to parallelism pods until completions have succeeded; counts failed pods
/// against backoffLimit and the time since startTime against activeDeadlineSeconds; on success reports
/// SuccessCriteriaMet then Complete, on failure FailureTarget then Failed (once its pods are gone), as 1.34
/// does; honours suspend; and deletes a finished Job after ttlSecondsAfterFinished.
/// </summary>
internal sealed class JobReconciler(WorkloadContext context) : IWorkloadReconciler
{
    public const string ControllerUidLabel = "batch.kubernetes.io/controller-uid";
    public const string JobNameLabel = "batch.kubernetes.io/job-name";

    public WorkloadKind Kind => WorkloadKind.Job;

    public DateTimeOffset? Reconcile(string ns, string name)
    {
        var job = context.Cache.Jobs.Get(ns, name);
        if (job is null)
        {
            return null;
        }

        var obj = job.ToJsonObject();
        var spec = obj["spec"] as JsonObject ?? [];
        var stored = obj["status"] as JsonObject ?? [];
        var status = (JsonObject)stored.DeepClone();
        var now = context.Now;
        var pods = context.Cache.Pods.OwnedBy(job.Uid).ToList();

        if (JobConditions.IsTrue(status, JobConditions.Complete) || JobConditions.IsTrue(status, JobConditions.Failed))
        {
            DeleteActive(pods);
            return ExpireFinished(job, spec, status, now);
        }

        var active = pods.Where(p => p.Active).ToList();
        var succeeded = Math.Max(stored.GetLong("succeeded") ?? 0, pods.Count(p => p.Phase == "Succeeded"));
        var failed = Math.Max(stored.GetLong("failed") ?? 0, pods.Count(p => p.Phase == "Failed"));
        var completions = spec.GetLong("completions");
        var parallelism = spec.GetLong("parallelism") ?? 1;
        var suspended = spec["suspend"] is JsonValue s && s.TryGetValue<bool>(out var suspend) && suspend;
        DateTimeOffset? wake = null;

        if (suspended)
        {
            DeleteActive(pods);
            JobConditions.Set(status, JobConditions.Suspended, "True", "JobSuspended", "Job suspended", now);
            status.Remove("startTime");
        }
        else
        {
            if (JobConditions.IsTrue(status, JobConditions.Suspended))
            {
                JobConditions.Set(status, JobConditions.Suspended, "False", "JobResumed", "Job resumed", now);
            }

            if (status["startTime"] is null)
            {
                status["startTime"] = SandboxJson.Timestamp(now);
            }

            var started = PodView.ParseTime(status.GetString("startTime")) ?? now;
            var deadline = spec.GetLong("activeDeadlineSeconds") is { } seconds ? started.AddSeconds(seconds) : (DateTimeOffset?)null;
            var succeededEnough = completions is { } wanted ? succeeded >= wanted : succeeded > 0 && active.Count == 0;
            if (JobConditions.IsTrue(status, JobConditions.FailureTarget))
            {
                DeleteActive(pods);
            }
            else if (succeededEnough || JobConditions.IsTrue(status, JobConditions.SuccessCriteriaMet))
            {
                JobConditions.Set(status, JobConditions.SuccessCriteriaMet, "True", JobConditions.CompletionsReached, JobConditions.CompletionsReachedMessage, now);
                DeleteActive(pods);
            }
            else if (failed > (spec.GetLong("backoffLimit") ?? 6))
            {
                JobConditions.Set(status, JobConditions.FailureTarget, "True", JobConditions.BackoffLimitExceeded, JobConditions.BackoffLimitExceededMessage, now);
                DeleteActive(pods);
            }
            else if (deadline is { } due && now >= due)
            {
                JobConditions.Set(status, JobConditions.FailureTarget, "True", JobConditions.DeadlineExceeded, JobConditions.DeadlineExceededMessage, now);
                DeleteActive(pods);
            }
            else
            {
                var want = completions is { } total ? Math.Min(parallelism, total - succeeded) : succeeded > 0 ? 0 : parallelism;
                Scale(job, spec, active, (int)Math.Max(0, want));
                wake = deadline;
            }

            FinishWhenPodsAreGone(job, status, now);
        }

        var current = context.Cache.Pods.OwnedBy(job.Uid).ToList();
        var next = new JsonObject();
        if (status["conditions"] is { } conditions)
        {
            next["conditions"] = conditions.DeepClone();
        }

        foreach (var field in new[] { "startTime", "completionTime" })
        {
            if (status[field] is { } time)
            {
                next[field] = time.DeepClone();
            }
        }

        StatusWrite.SetCount(next, "active", current.Count(p => p.Active));
        StatusWrite.SetCount(next, "succeeded", succeeded);
        StatusWrite.SetCount(next, "failed", failed);
        next["terminating"] = current.Count(p => p.Deleting && !p.Terminal);
        next["uncountedTerminatedPods"] = new JsonObject();
        next["ready"] = current.Count(p => p.Active && p.Ready);
        StatusWrite.IfChanged(context, ClusterCache.JobsResource, job.Namespace, job.Name, job.Uid, next);
        return JobConditions.IsTrue(next, JobConditions.Complete) || JobConditions.IsTrue(next, JobConditions.Failed)
            ? ExpireFinished(job, spec, next, now)
            : wake;
    }

    /// <summary>Complete or Failed is declared once the target is known and no pod of the Job is still running or terminating.</summary>
    private void FinishWhenPodsAreGone(StoredObject job, JsonObject status, DateTimeOffset now)
    {
        if (context.Cache.Pods.OwnedBy(job.Uid).Any(p => !p.Terminal))
        {
            return;
        }

        if (JobConditions.IsTrue(status, JobConditions.SuccessCriteriaMet))
        {
            JobConditions.Set(status, JobConditions.Complete, "True", JobConditions.CompletionsReached, JobConditions.CompletionsReachedMessage, now);
            status["completionTime"] = SandboxJson.Timestamp(now);
        }
        else if (JobConditions.Get(status, JobConditions.FailureTarget) is { } target && target.GetString("status") == "True")
        {
            JobConditions.Set(status, JobConditions.Failed, "True", target.GetString("reason")!, target.GetString("message")!, now);
        }
    }

    private void Scale(StoredObject job, JsonObject spec, List<PodView> active, int want)
    {
        if (active.Count > want)
        {
            foreach (var pod in active.Order(PodDeletionOrder.Instance).Take(active.Count - want))
            {
                context.Writer.Delete(ClusterCache.PodsResource, job.Namespace, pod.Name, pod.Uid);
            }

            return;
        }

        var reference = Ownership.ControllerReference("batch/v1", "Job", job);
        for (var i = active.Count; i < Math.Min(want, active.Count + ReplicaSetReconciler.BurstReplicas); i++)
        {
            PodFactory.CreateNamed(context, job.Namespace, job.Name + "-", podName =>
            {
                var pod = PodFactory.FromTemplate(spec["template"] as JsonObject, job.Namespace, podName, (JsonObject)reference.DeepClone(), job.Name + "-");
                var labels = pod.Metadata()["labels"] as JsonObject ?? [];
                labels[ControllerUidLabel] = job.Uid;
                labels[JobNameLabel] = job.Name;
                labels["controller-uid"] = job.Uid;
                labels["job-name"] = job.Name;
                pod.Metadata()["labels"] = labels;
                return pod;
            });
        }
    }

    private void DeleteActive(List<PodView> pods)
    {
        foreach (var pod in pods.Where(p => p.Active))
        {
            context.Writer.Delete(ClusterCache.PodsResource, pod.Namespace, pod.Name, pod.Uid);
        }
    }

    /// <summary>Deletes a finished Job once ttlSecondsAfterFinished has passed; otherwise says when to look again.</summary>
    private DateTimeOffset? ExpireFinished(StoredObject job, JsonObject spec, JsonObject status, DateTimeOffset now)
    {
        if (spec.GetLong("ttlSecondsAfterFinished") is not { } ttl || job.IsDeleting)
        {
            return null;
        }

        var finished = PodView.ParseTime(status.GetString("completionTime"))
            ?? PodView.ParseTime((JobConditions.Get(status, JobConditions.Failed) ?? JobConditions.Get(status, JobConditions.Complete))?.GetString("lastTransitionTime"))
            ?? now;
        var expiry = finished.AddSeconds(ttl);
        if (now < expiry)
        {
            return expiry;
        }

        context.Writer.Delete(ClusterCache.JobsResource, job.Namespace, job.Name, job.Uid, PropagationPolicy.Foreground);
        return null;
    }
}
