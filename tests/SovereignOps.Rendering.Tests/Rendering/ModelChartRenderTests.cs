using k8s;
using k8s.Models;
using SovereignOps.Rendering.Tests.Samples;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Tests.Rendering;

public sealed class ModelChartRenderTests
{
    [Fact]
    public async Task Tensor_parallel_vllm_renders_a_deployment_with_its_service_budget_and_policy()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.VllmTensorParallel);

        Assert.Equal(
            ["NetworkPolicy/typhoon-70b", "ServiceAccount/typhoon-70b", "Service/typhoon-70b", "Deployment/typhoon-70b", "PodDisruptionBudget/typhoon-70b"],
            manifest.Select(o => $"{o.Kind}/{o.Name}"));
        Assert.All(manifest, o => Assert.Equal(SampleValues.Namespace, o.Namespace));

        var deployment = manifest.Single<V1Deployment>("typhoon-70b");
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("0", deployment.Spec.Strategy.RollingUpdate.MaxSurge.Value);
        Assert.Equal("1", deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
        var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
        Assert.Equal("registry.gov.th.internal/mirror/vllm/vllm-openai:v0.11.0", container.Image);
        Assert.Equal(["vllm", "serve"], container.Command);
        Assert.Equal(
            ["/models/typhoon-70b/2.0", "--served-model-name=typhoon-70b-instruct", "--host=0.0.0.0", "--port=8000", "--tensor-parallel-size=4",
             "--pipeline-parallel-size=1", "--max-model-len=32768", "--max-num-seqs=32"],
            container.Args);
        Assert.Equal(new ResourceQuantity("4"), container.Resources.Limits["nvidia.com/gpu"]);
        Assert.Equal(new ResourceQuantity("4"), container.Resources.Requests["nvidia.com/gpu"]);
        Assert.Equal(new ResourceQuantity("256Gi"), container.Resources.Limits["memory"]);

        var weights = deployment.Spec.Template.Spec.Volumes.Single(v => v.Name == "weights");
        Assert.Equal("typhoon-70b-weights", weights.PersistentVolumeClaim.ClaimName);
        Assert.True(weights.PersistentVolumeClaim.ReadOnlyProperty);
        var shm = deployment.Spec.Template.Spec.Volumes.Single(v => v.Name == "shm");
        Assert.Equal("Memory", shm.EmptyDir.Medium);
        Assert.Equal(new ResourceQuantity("32Gi"), shm.EmptyDir.SizeLimit);
    }

    [Fact]
    public async Task Placement_is_copied_verbatim_into_the_pod_spec()
    {
        var values = SampleValues.VllmTensorParallel;

        var manifest = await TestRenderer.RenderAsync(values);

        var pod = manifest.Single<V1Deployment>("typhoon-70b").Spec.Template.Spec;
        Assert.Equal(KubernetesJson.Serialize(values.Placement.NodeAffinity), KubernetesJson.Serialize(pod.Affinity.NodeAffinity));
        Assert.Equal(KubernetesJson.Serialize(values.Placement.Tolerations), KubernetesJson.Serialize(pod.Tolerations));
        Assert.Equal(values.Placement.NodeSelector, pod.NodeSelector.AsReadOnly());
    }

    [Fact]
    public async Task Inventory_labels_are_on_every_object_and_pod_template()
    {
        foreach (var values in SampleValues.AllModels)
        {
            var manifest = await TestRenderer.RenderAsync(values);

            foreach (var rendered in manifest)
            {
                foreach (var (key, value) in SampleValues.InventoryLabels)
                {
                    Assert.True(rendered.Object.Metadata.Labels.TryGetValue(key, out var actual) && actual == value, $"{rendered.DisplayName} lacks {key}={value}");
                }
            }

            foreach (var template in PodTemplates.Of(manifest))
            {
                Assert.Equal(SampleValues.OwnerUid, template.Metadata.Labels["sovereignops.io/owner-uid"]);
                Assert.Equal(values.Model.DataClass, template.Metadata.Labels["sovereignops.io/data-class"]);
            }
        }
    }

    [Fact]
    public async Task Multi_node_vllm_renders_leader_and_worker_statefulsets_behind_a_headless_service()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.VllmMultiNode);

        var sets = manifest.OfKind<V1StatefulSet>().ToDictionary(s => s.Metadata.Name);
        Assert.Equal(["llama-405b", "llama-405b-w0", "llama-405b-w1"], sets.Keys.Order());
        Assert.Empty(manifest.OfKind<V1Deployment>());
        Assert.Empty(manifest.OfKind<V1PersistentVolumeClaim>());

        var headless = manifest.Single<V1Service>("llama-405b-ranks");
        Assert.Equal("None", headless.Spec.ClusterIP);
        Assert.True(headless.Spec.PublishNotReadyAddresses);

        var leaders = sets["llama-405b"];
        Assert.Equal(2, leaders.Spec.Replicas);
        Assert.Equal("llama-405b-ranks", leaders.Spec.ServiceName);
        Assert.Equal("weights", Assert.Single(leaders.Spec.VolumeClaimTemplates).Metadata.Name);
        Assert.Equal("th-bangkok-nvme", leaders.Spec.VolumeClaimTemplates[0].Spec.StorageClassName);
        var leaderArgs = leaders.Spec.Template.Spec.Containers[0].Args;
        Assert.Contains("--tensor-parallel-size=8", leaderArgs);
        Assert.Contains("--pipeline-parallel-size=2", leaderArgs);
        Assert.Contains("--nnodes=2", leaderArgs);
        Assert.Contains("--node-rank=0", leaderArgs);
        Assert.Contains("--master-addr=$(POD_IP)", leaderArgs);
        Assert.DoesNotContain("--headless", leaderArgs);
        Assert.NotNull(leaders.Spec.Template.Spec.Containers[0].StartupProbe);

        var worker = sets["llama-405b-w1"];
        Assert.Equal(1, worker.Spec.Replicas);
        Assert.Equal(1, worker.Spec.Ordinals.Start);
        var workerContainer = worker.Spec.Template.Spec.Containers[0];
        Assert.Contains("--headless", workerContainer.Args);
        Assert.Contains("--node-rank=$(NODE_RANK)", workerContainer.Args);
        Assert.Contains("--master-addr=llama-405b-1.llama-405b-ranks.tenant-th-gov.svc", workerContainer.Args);
        Assert.Equal("metadata.labels['apps.kubernetes.io/pod-index']", workerContainer.Env.Single(e => e.Name == "NODE_RANK").ValueFrom.FieldRef.FieldPath);
        Assert.Null(workerContainer.ReadinessProbe);
        Assert.Equal(new ResourceQuantity("8"), workerContainer.Resources.Limits["nvidia.com/gpu"]);

        var fetch = Assert.Single(worker.Spec.Template.Spec.InitContainers);
        Assert.Equal("s3://weights.gov.th.internal/models/llama-3.1-405b/3.1", fetch.Env.Single(e => e.Name == "WEIGHTS_URI").Value);

        var service = manifest.Single<V1Service>("llama-405b");
        Assert.Equal("server", service.Spec.Selector["sovereignops.io/rank-role"]);
        var policy = manifest.Single<V1NetworkPolicy>("llama-405b");
        Assert.Contains(policy.Spec.Ingress, rule => rule.FromProperty.Any(peer => peer.PodSelector?.MatchLabels["app.kubernetes.io/instance"] == "llama-405b"));
        Assert.Contains(policy.Spec.Egress, rule => rule.To.Any(peer => peer.IpBlock?.Cidr == "10.40.0.0/16"));
    }

    [Fact]
    public async Task Tgi_gets_shard_and_token_arguments_an_autoscaler_and_a_shared_cache_claim()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.TgiAutoscaled);

        var deployment = manifest.Single<V1Deployment>("seallm-13b");
        Assert.Null(deployment.Spec.Replicas);
        var container = deployment.Spec.Template.Spec.Containers[0];
        Assert.Equal(["text-generation-launcher"], container.Command);
        Assert.Contains("--model-id=/models", container.Args);
        Assert.Contains("--num-shard=2", container.Args);
        Assert.Contains("--max-total-tokens=8192", container.Args);
        Assert.Contains("--max-input-tokens=6144", container.Args);
        Assert.Contains("--max-concurrent-requests=128", container.Args);
        Assert.Contains("--usage-stats=off", container.Args);
        Assert.Equal("/health", container.ReadinessProbe.HttpGet.Path);

        var hpa = manifest.Single<V2HorizontalPodAutoscaler>("seallm-13b");
        Assert.Equal("Deployment", hpa.Spec.ScaleTargetRef.Kind);
        Assert.Equal("seallm-13b", hpa.Spec.ScaleTargetRef.Name);
        Assert.Equal(2, hpa.Spec.MinReplicas);
        Assert.Equal(6, hpa.Spec.MaxReplicas);
        var metric = Assert.Single(hpa.Spec.Metrics);
        Assert.Equal("tgi_queue_size", metric.Pods.Metric.Name);
        Assert.Equal(new ResourceQuantity("8"), metric.Pods.Target.AverageValue);

        var claim = manifest.Single<V1PersistentVolumeClaim>("seallm-13b-weights");
        Assert.Equal("th-bangkok-cephfs", claim.Spec.StorageClassName);
        Assert.Equal(["ReadWriteMany"], claim.Spec.AccessModes);
        Assert.Equal(new ResourceQuantity("60Gi"), claim.Spec.Resources.Requests["storage"]);
        Assert.Equal("seallm-13b-weights", deployment.Spec.Template.Spec.Volumes.Single(v => v.Name == "weights").PersistentVolumeClaim.ClaimName);
    }

    [Fact]
    public async Task Triton_loads_its_model_from_the_repository_on_an_image_volume()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.TritonOci);

        var pod = manifest.Single<V1Deployment>("speech-asr").Spec.Template.Spec;
        var container = pod.Containers[0];
        Assert.Equal(["tritonserver"], container.Command);
        Assert.Contains("--model-repository=/models", container.Args);
        Assert.Contains("--model-control-mode=explicit", container.Args);
        Assert.Contains("--load-model=whisper-large-v3-th", container.Args);
        Assert.Contains("--http-port=8000", container.Args);
        Assert.Contains("--grpc-port=8001", container.Args);
        Assert.Equal("/v2/health/ready", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/v2/health/live", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("registry.gov.th.internal/mirror/models/whisper-large-v3-th-repository:3", pod.Volumes.Single(v => v.Name == "weights").Image.Reference);
        Assert.Contains(manifest.Single<V1Service>("speech-asr").Spec.Ports, port => port.Name == "grpc" && port.Port == 8001);
    }

    [Fact]
    public async Task A_mig_slice_is_requested_by_its_resource_name()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.VllmMig);

        var container = manifest.Single<V1Deployment>("typhoon-8b").Spec.Template.Spec.Containers[0];
        Assert.Equal(new ResourceQuantity("1"), container.Resources.Limits["nvidia.com/mig-3g.40gb"]);
        Assert.False(container.Resources.Limits.ContainsKey("nvidia.com/gpu"));
    }

    [Fact]
    public async Task Model_loading_gets_a_startup_probe_with_the_planned_budget()
    {
        var manifest = await TestRenderer.RenderAsync(SampleValues.VllmMultiNode);

        var probe = manifest.Single<V1StatefulSet>("llama-405b").Spec.Template.Spec.Containers[0].StartupProbe;
        Assert.Equal(3600, probe.PeriodSeconds * probe.FailureThreshold);
    }

    [Fact]
    public async Task A_long_model_name_is_cut_to_dns_limits_with_a_hash()
    {
        var longName = "typhoon-" + new string('x', 60) + "-instruct";
        var manifest = await TestRenderer.RenderAsync(SampleValues.VllmTensorParallel with { Name = longName });

        var deployment = Assert.Single(manifest.OfKind<V1Deployment>());
        Assert.Equal(40, deployment.Metadata.Name.Length);
        Assert.StartsWith("typhoon-xxx", deployment.Metadata.Name, StringComparison.Ordinal);
        Assert.Matches("-[0-9a-f]{8}$", deployment.Metadata.Name);
    }

    [Fact]
    public async Task Values_the_chart_refuses_fail_with_helms_message()
    {
        var values = SampleValues.TgiAutoscaled with { Parallelism = new ParallelismValues { TensorParallelSize = 2, PipelineParallelSize = 2 } };

        var result = await TestRenderer.Create().RenderAsync(values);

        Assert.False(result.IsSuccess);
        Assert.Equal(RenderErrorKind.HelmFailed, result.Error.Kind);
        Assert.Contains("pipelineParallelSize", result.Error.Message, StringComparison.Ordinal);
    }
}
