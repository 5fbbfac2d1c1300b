using System.Text.Json;
using k8s;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime.Client;

namespace SovereignOps.Runtime.Tests.Client;

public sealed class ApiJsonTests
{
    private const string Deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"model-00","namespace":"sovereign-th","uid":"2b7c","resourceVersion":"42","generation":3,
           "creationTimestamp":"2026-11-27T08:29:23Z",
           "labels":{"app.kubernetes.io/name":"model-server","app.kubernetes.io/managed-by":"sovereignops"},
           "annotations":{"note":"caf\u00e9 \u2014 th\u00e9","escaped":"a\"b"}},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app.kubernetes.io/name":"model-server"}},
           "template":{"metadata":{"labels":{"app.kubernetes.io/name":"model-server"}},
             "spec":{"containers":[{"name":"server","image":"registry.th/vllm:1.0","ports":[{"containerPort":8000,"protocol":"TCP"}],
               "resources":{"limits":{"nvidia.com/gpu":"2","memory":"80Gi"}}}]}}},
         "status":{"readyReplicas":2,"conditions":[{"type":"Available","status":"True","lastUpdateTime":"2026-11-27T08:29:23Z"}]}}
        """;

    [Fact]
    public void Reads_exactly_what_kubernetes_client_reads()
    {
        var ours = ApiJson.Deserialize<V1Deployment>(Deployment);
        var theirs = KubernetesJson.Deserialize<V1Deployment>(Deployment);

        Assert.Equal(KubernetesJson.Serialize(theirs), KubernetesJson.Serialize(ours));
        Assert.Equal("café — thé", ours.Metadata.Annotations["note"]);
        Assert.Equal("a\"b", ours.Metadata.Annotations["escaped"]);
        Assert.Equal(new ResourceQuantity("80Gi"), ours.Spec.Template.Spec.Containers[0].Resources.Limits["memory"]);
    }

    [Fact]
    public void Objects_read_separately_share_their_repeated_strings()
    {
        var first = ApiJson.Deserialize<V1Deployment>(Deployment);
        var second = ApiJson.Deserialize<V1Deployment>(Deployment);

        Assert.Same(first.Metadata.Labels["app.kubernetes.io/name"], second.Metadata.Labels["app.kubernetes.io/name"]);
        Assert.Same(first.Metadata.Labels.Keys.First(), second.Metadata.Labels.Keys.First());
        Assert.Same(first.Spec.Template.Spec.Containers[0].Image, second.Spec.Template.Spec.Containers[0].Image);
        Assert.Same(first.Status.Conditions[0].Status, second.Status.Conditions[0].Status);
    }

    [Fact]
    public void Custom_resources_and_lists_are_read_with_the_same_sharing()
    {
        const string list = """
            {"apiVersion":"sovereignops.io/v1alpha1","kind":"ModelDeploymentList","metadata":{"resourceVersion":"7"},
             "items":[{"apiVersion":"sovereignops.io/v1alpha1","kind":"ModelDeployment","metadata":{"name":"a","namespace":"th"},"spec":{"precision":"fp8"}},
                      {"apiVersion":"sovereignops.io/v1alpha1","kind":"ModelDeployment","metadata":{"name":"b","namespace":"th"},"spec":{"precision":"fp8"}}]}
            """;

        var read = ApiJson.Deserialize<ObjectList<ModelDeployment>>(list);

        Assert.Equal(["a", "b"], read.Items.Select(m => m.Metadata.Name));
        Assert.Same(read.Items[0].Spec.Precision, read.Items[1].Spec.Precision);
        Assert.Same(read.Items[0].ApiVersion, read.Items[1].ApiVersion);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_a_json_error_not_a_crash()
    {
        Assert.ThrowsAny<JsonException>(() => ApiJson.Deserialize<V1ConfigMap>("""{"metadata":{"name":7}}"""));
        Assert.ThrowsAny<JsonException>(() => ApiJson.Deserialize<V1ConfigMap>("null"));
    }

    [Fact]
    public void The_pool_keeps_long_strings_out_and_starts_over_when_full()
    {
        var pool = new StringPool(capacity: 4);
        var longText = new string('x', StringPool.MaxLength + 1);

        Assert.NotSame(pool.Get(longText), pool.Get(longText));
        Assert.Equal(0, pool.Count);

        var kept = pool.Get("a");
        Assert.Same(kept, pool.Get("a".AsSpan()));
        foreach (var text in new[] { "b", "c", "d" })
        {
            pool.Get(text);
        }

        Assert.Equal(4, pool.Count);
        pool.Get("e");
        Assert.Equal(1, pool.Count);
        Assert.NotSame(kept, pool.Get(new string('a', 1)));
    }
}
