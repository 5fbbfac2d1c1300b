using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime.Apply;

namespace SovereignOps.Runtime.Tests.Apply;

public sealed class ApplyBodyTests
{
    private static readonly SovereignProfile Profile = new() { Metadata = new V1ObjectMeta { Name = "thailand", Uid = "0b9e-profile" } };

    private static readonly ModelDeployment Model = new()
    {
        Metadata = new V1ObjectMeta { Name = "typhoon", NamespaceProperty = "tenant-th", Uid = "5c1d-model" },
    };

    [Fact]
    public void The_body_carries_identity_inventory_labels_and_a_controller_reference()
    {
        var body = ApplyBody.Build(Model, "thailand", ConfigMap("tenant-th"));

        Assert.Equal("v1", body["apiVersion"]!.GetValue<string>());
        Assert.Equal("ConfigMap", body["kind"]!.GetValue<string>());
        var labels = body["metadata"]!["labels"]!;
        Assert.Equal("sovereignops", labels["app.kubernetes.io/managed-by"]!.GetValue<string>());
        Assert.Equal("thailand", labels["app.kubernetes.io/part-of"]!.GetValue<string>());
        Assert.Equal("5c1d-model", labels["sovereignops.io/owner-uid"]!.GetValue<string>());
        Assert.Equal("ModelDeployment", labels["sovereignops.io/owner-kind"]!.GetValue<string>());
        Assert.Equal("keep", labels["app"]!.GetValue<string>());
        var reference = Assert.Single(body["metadata"]!["ownerReferences"]!.AsArray())!;
        Assert.Equal(("sovereignops.io/v1alpha1", "ModelDeployment", "typhoon", "5c1d-model", true, true), (
            reference["apiVersion"]!.GetValue<string>(), reference["kind"]!.GetValue<string>(), reference["name"]!.GetValue<string>(),
            reference["uid"]!.GetValue<string>(), reference["controller"]!.GetValue<bool>(), reference["blockOwnerDeletion"]!.GetValue<bool>()));
    }

    [Fact]
    public void Server_owned_metadata_and_status_are_left_out()
    {
        var child = ConfigMap("tenant-th");
        child.Metadata.ResourceVersion = "12";
        child.Metadata.Uid = "abc";
        child.Metadata.ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl" }];
        var deployment = new V1Deployment { Metadata = new V1ObjectMeta { Name = "d", NamespaceProperty = "tenant-th" }, Status = new V1DeploymentStatus { Replicas = 2 } };

        var body = ApplyBody.Build(Model, "thailand", child);

        Assert.Null(body["metadata"]!["resourceVersion"]);
        Assert.Null(body["metadata"]!["uid"]);
        Assert.Null(body["metadata"]!["managedFields"]);
        Assert.False(ApplyBody.Build(Model, "thailand", deployment).ContainsKey("status"));
    }

    [Fact]
    public void A_namespaced_owner_does_not_reference_itself_from_another_namespace_or_a_cluster_scoped_child()
    {
        var elsewhere = ApplyBody.Build(Model, "thailand", ConfigMap("tenant-sa"));
        var clusterScoped = ApplyBody.Build(Model, "thailand", new V1Namespace { Metadata = new V1ObjectMeta { Name = "tenant-th" } });

        Assert.Null(elsewhere["metadata"]!["ownerReferences"]);
        Assert.Null(clusterScoped["metadata"]!["ownerReferences"]);
        Assert.Equal("5c1d-model", clusterScoped["metadata"]!["labels"]!["sovereignops.io/owner-uid"]!.GetValue<string>());
    }

    [Fact]
    public void A_cluster_scoped_owner_references_namespaced_children()
    {
        var body = ApplyBody.Build(Profile, "thailand", ConfigMap("tenant-th"));

        Assert.Equal("SovereignProfile", body["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void The_applied_hash_ignores_map_order_but_notices_a_dropped_field()
    {
        var first = ConfigMap("tenant-th");
        first.Data = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };
        var reordered = ConfigMap("tenant-th");
        reordered.Data = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };
        var dropped = ConfigMap("tenant-th");
        dropped.Data = new Dictionary<string, string> { ["a"] = "1" };

        Assert.Equal(Hash(first), Hash(reordered));
        Assert.NotEqual(Hash(first), Hash(dropped));
    }

    private static string Hash(V1ConfigMap child) =>
        ApplyBody.Build(Model, "thailand", child)["metadata"]!["annotations"]!["sovereignops.io/applied-hash"]!.GetValue<string>();

    private static V1ConfigMap ConfigMap(string @namespace) => new()
    {
        Metadata = new V1ObjectMeta { Name = "storefront", NamespaceProperty = @namespace, Labels = new Dictionary<string, string> { ["app"] = "keep" } },
        Data = new Dictionary<string, string> { ["catalog"] = "[]" },
    };
}
