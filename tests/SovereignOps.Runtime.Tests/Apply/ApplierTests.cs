using System.Net;
using System.Text.Json.Nodes;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime.Apply;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Informers;
using SovereignOps.Runtime.Tests.Support;

namespace SovereignOps.Runtime.Tests.Apply;

public sealed class ApplierTests : IDisposable
{
    private static readonly SovereignProfile Profile = new() { Metadata = new V1ObjectMeta { Name = "thailand", Uid = "0b9e-profile" } };

    private readonly ListWatchScript _server = new();
    private readonly KubeApi _api;
    private readonly CancellationTokenSource _stop = new();

    public ApplierTests()
    {
        _api = new KubeApi(new ApiTransport(new HttpClient(_server), new Uri("http://127.0.0.1:1")));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _api.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Re_applying_what_the_cache_already_holds_sends_nothing()
    {
        var applier = await ApplierWithLive(Desired("[]"), Desired("[]"));

        var result = await applier.ApplyAsync(Profile, "thailand", Desired("[]"), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Unchanged, result.Value);
        Assert.Empty(_server.Patches);
    }

    [Fact]
    public async Task A_changed_child_is_server_side_applied_with_the_operators_field_manager_and_force()
    {
        var applier = await ApplierWithLive(Desired("[]"), Desired("[]"));
        _server.Patch(HttpStatusCode.OK, ListWatchScript.ConfigMap("storefront", "99"));

        var result = await applier.ApplyAsync(Profile, "thailand", Desired("[\"triage\"]"), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Applied, result.Value);
        var patch = Assert.Single(_server.Patches);
        Assert.Equal("/api/v1/namespaces/tenant-th/configmaps/storefront", patch.Uri.AbsolutePath);
        Assert.Equal("sovereignops-operator", ListWatchScript.Query(patch.Uri, "fieldManager"));
        Assert.Equal("true", ListWatchScript.Query(patch.Uri, "force"));
        Assert.Equal("application/apply-patch+yaml", patch.ContentType);
        Assert.Equal("[\"triage\"]", JsonNode.Parse(patch.Body)!["data"]!["catalog"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_child_the_cache_has_never_seen_is_applied()
    {
        var applier = await ApplierWithLive(null, Desired("[]"));
        _server.Patch(HttpStatusCode.OK, ListWatchScript.ConfigMap("storefront", "99"));

        var result = await applier.ApplyAsync(Profile, "thailand", Desired("[]"), CancellationToken.None);

        Assert.Equal(ApplyOutcome.Applied, result.Value);
        Assert.Single(_server.Patches);
    }

    [Fact]
    public async Task Pruning_deletes_the_owners_children_that_are_no_longer_rendered_and_only_those()
    {
        var informers = new InformerSet();
        var keep = Child("storefront", Profile.Metadata.Uid);
        _server.List("10", null, Serialize(keep), Serialize(Child("old-agent", Profile.Metadata.Uid)), Serialize(Child("other-customer", "ffff-other")));
        var informer = new Informer<V1ConfigMap>(_api);
        informers.Add(informer);
        _ = informer.RunAsync(_stop.Token);
        await informer.WaitForSyncAsync(_stop.Token);
        _server.Delete(HttpStatusCode.OK, """{"kind":"Status","status":"Success"}""");

        var result = await new Applier(_api, informers).PruneAsync(Profile, [ResourceType.For<V1ConfigMap>()], [keep], CancellationToken.None);

        Assert.Equal(1, result.Value);
        var delete = Assert.Single(_server.Deletes);
        Assert.Equal("/api/v1/namespaces/tenant-th/configmaps/old-agent", delete.Uri.AbsolutePath);
        Assert.Equal("uid-old-agent", JsonNode.Parse(delete.Body)!["preconditions"]!["uid"]!.GetValue<string>());
    }

    private async Task<Applier> ApplierWithLive(V1ConfigMap? live, V1ConfigMap appliedEarlier)
    {
        var items = new List<string>();
        if (live is not null)
        {
            // The object as the server stores it after an earlier apply of the same intent.
            var stored = ApplyBody.Build(Profile, "thailand", appliedEarlier);
            stored["metadata"]!["uid"] = "uid-storefront";
            stored["metadata"]!["resourceVersion"] = "7";
            stored["metadata"]!["creationTimestamp"] = "2026-01-01T00:00:00Z";
            stored["metadata"]!["managedFields"] = JsonNode.Parse("""[{"manager":"sovereignops-operator","operation":"Apply"}]""");
            items.Add(stored.ToJsonString());
        }

        _server.List("10", null, [.. items]);
        var informers = new InformerSet();
        var informer = new Informer<V1ConfigMap>(_api);
        informers.Add(informer);
        _ = informer.RunAsync(_stop.Token);
        await informer.WaitForSyncAsync(_stop.Token);
        return new Applier(_api, informers);
    }

    private static V1ConfigMap Desired(string catalog) => new()
    {
        Metadata = new V1ObjectMeta { Name = "storefront", NamespaceProperty = "tenant-th" },
        Data = new Dictionary<string, string> { ["catalog"] = catalog },
    };

    private static V1ConfigMap Child(string name, string ownerUid) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "tenant-th",
            Uid = "uid-" + name,
            ResourceVersion = "5",
            Labels = new Dictionary<string, string> { [Inventory.OwnerUidLabel] = ownerUid },
        },
    };

    private static string Serialize(V1ConfigMap map) => k8s.KubernetesJson.Serialize(map);
}
