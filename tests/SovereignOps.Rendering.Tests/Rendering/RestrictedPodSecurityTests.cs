using k8s.Models;
using SovereignOps.Rendering.Tests.Samples;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Tests.Rendering;

/// <summary>Every pod any chart renders meets the restricted Pod Security Standard.</summary>
public sealed class RestrictedPodSecurityTests
{
    public static TheoryData<string> Workloads() => new(["vllm-tp", "vllm-multinode", "tgi", "triton", "vllm-mig", "agent"]);

    [Theory]
    [MemberData(nameof(Workloads))]
    public async Task Every_container_runs_restricted(string workload)
    {
        IChartValues values = workload switch
        {
            "vllm-tp" => SampleValues.VllmTensorParallel,
            "vllm-multinode" => SampleValues.VllmMultiNode,
            "tgi" => SampleValues.TgiAutoscaled,
            "triton" => SampleValues.TritonOci,
            "vllm-mig" => SampleValues.VllmMig,
            _ => SampleValues.TriageAgent,
        };

        var manifest = await TestRenderer.RenderAsync(values);

        var templates = PodTemplates.Of(manifest).ToList();
        Assert.NotEmpty(templates);
        foreach (var pod in templates.Select(t => t.Spec))
        {
            Assert.True(pod.SecurityContext.RunAsNonRoot);
            Assert.True(pod.SecurityContext.RunAsUser > 0);
            Assert.Equal("RuntimeDefault", pod.SecurityContext.SeccompProfile.Type);
            Assert.False(pod.AutomountServiceAccountToken);
            Assert.NotEqual(true, pod.HostNetwork);
            Assert.NotEqual(true, pod.HostPID);
            Assert.NotEqual(true, pod.HostIPC);
            Assert.DoesNotContain(pod.Volumes ?? [], volume => volume.HostPath is not null);

            foreach (var container in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                var security = container.SecurityContext;
                Assert.False(security.AllowPrivilegeEscalation, container.Name);
                Assert.False(security.Privileged, container.Name);
                Assert.True(security.ReadOnlyRootFilesystem, container.Name);
                Assert.True(security.RunAsNonRoot, container.Name);
                Assert.Equal(["ALL"], security.Capabilities.Drop);
                Assert.True(security.Capabilities.Add is null || security.Capabilities.Add.Count == 0);
                Assert.Equal("RuntimeDefault", security.SeccompProfile.Type);
            }
        }

        foreach (var account in manifest.OfKind<V1ServiceAccount>())
        {
            Assert.False(account.AutomountServiceAccountToken);
        }
    }
}
