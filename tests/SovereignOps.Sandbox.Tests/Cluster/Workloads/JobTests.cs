using k8s;
using k8s.Models;
using SovereignOps.Sandbox.Tests.Infrastructure;
using SovereignOps.Sandbox.Tests.Kubectl;

namespace SovereignOps.Sandbox.Tests.Cluster.Workloads;

/// <summary>Jobs on the simulated cluster, whose kubelets finish pods after their run duration with the exit code asked for.</summary>
public sealed class JobTests(ClusterFixture sandbox) : IClassFixture<ClusterFixture>
{
    private readonly Kubernetes _client = sandbox.Client;

    [Fact]
    public async Task A_job_runs_pods_in_parallel_until_its_completions_succeeded()
    {
        var ns = await sandbox.CreateNamespaceAsync("job");
        await _client.BatchV1.CreateNamespacedJobAsync(Job("train", completions: 3, parallelism: 2), ns);

        var done = await WaitForAsync(ns, "train", j => j.Status?.CompletionTime is not null);

        Assert.Equal((3, (int?)null, 0, 0), (done.Status.Succeeded, done.Status.Failed, done.Status.Ready, done.Status.Terminating));
        Assert.Null(done.Status.Active);
        Assert.NotNull(done.Status.StartTime);
        Assert.Equal(
            [("SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods"),
             ("Complete", "True", "CompletionsReached", "Reached expected number of succeeded pods")],
            done.Status.Conditions.Select(c => (c.Type, c.Status, c.Reason, c.Message)));
        var pods = (await _client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: "batch.kubernetes.io/job-name=train")).Items;
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p => Assert.Equal(("Succeeded", done.Metadata.Uid), (p.Status.Phase, p.Metadata.OwnerReferences.Single().Uid)));
        var rows = KubectlAssertions.Rows((await sandbox.KubectlAsync("get", "job", "train", "-n", ns)).Succeeded());
        Assert.Equal(["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"], rows[0]);
        Assert.Equal(["train", "Complete", "3/3"], rows[1][..3]);
    }

    [Fact]
    public async Task Failed_pods_beyond_the_backoff_limit_fail_the_job()
    {
        var ns = await sandbox.CreateNamespaceAsync("job-fail");
        var job = Job("crash", completions: 1, parallelism: 1);
        job.Spec.BackoffLimit = 1;
        job.Spec.Template.Metadata.Annotations["sandbox.sovereignops.io/exit-code"] = "3";
        await _client.BatchV1.CreateNamespacedJobAsync(job, ns);

        var failed = await WaitForAsync(ns, "crash", j => j.Status?.Conditions?.Any(c => c.Type == "Failed") == true);

        Assert.Equal(2, failed.Status.Failed);
        Assert.Null(failed.Status.Succeeded);
        Assert.Null(failed.Status.CompletionTime);
        Assert.Equal(
            [("FailureTarget", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit"),
             ("Failed", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit")],
            failed.Status.Conditions.Select(c => (c.Type, c.Status, c.Reason, c.Message)));
        Assert.Equal("Failed", KubectlAssertions.Rows((await sandbox.KubectlAsync("get", "job", "crash", "-n", ns)).Succeeded())[1][1]);
    }

    [Fact]
    public async Task A_job_past_its_active_deadline_fails_and_a_finished_job_with_a_ttl_is_deleted()
    {
        var ns = await sandbox.CreateNamespaceAsync("job-deadline");
        var slow = Job("slow", completions: 1, parallelism: 1);
        slow.Spec.ActiveDeadlineSeconds = 1;
        slow.Spec.Template.Metadata.Annotations["sandbox.sovereignops.io/run-duration"] = "1h";
        await _client.BatchV1.CreateNamespacedJobAsync(slow, ns);
        var quick = Job("quick", completions: 1, parallelism: 1);
        quick.Spec.TtlSecondsAfterFinished = 0;
        await _client.BatchV1.CreateNamespacedJobAsync(quick, ns);

        var timedOut = await WaitForAsync(ns, "slow", j => j.Status?.Conditions?.Any(c => c.Type == "Failed") == true);
        Assert.Equal(("DeadlineExceeded", "Job was active longer than specified deadline"),
            (timedOut.Status.Conditions.Single(c => c.Type == "Failed").Reason, timedOut.Status.Conditions.Single(c => c.Type == "Failed").Message));
        await Eventually.TrueAsync(async () => (await _client.BatchV1.ListNamespacedJobAsync(ns)).Items.All(j => j.Metadata.Name != "quick"), "the finished job is deleted", TimeSpan.FromSeconds(20));
        await Eventually.TrueAsync(async () => (await _client.CoreV1.ListNamespacedPodAsync(ns)).Items.Count == 0, "the pods of both jobs are gone", TimeSpan.FromSeconds(20));
    }

    private static V1Job Job(string name, int completions, int parallelism) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1JobSpec
        {
            Completions = completions,
            Parallelism = parallelism,
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Annotations = new Dictionary<string, string> { ["sandbox.sovereignops.io/run-duration"] = "100ms" } },
                Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "main", Image = "registry.example/train:1" }] },
            },
        },
    };

    private Task<V1Job> WaitForAsync(string ns, string name, Func<V1Job, bool> done) =>
        Eventually.ReturnsAsync(() => _client.BatchV1.ReadNamespacedJobAsync(name, ns), done, $"job {name} reaches the expected status", TimeSpan.FromSeconds(30));
}
