using System.Net;
using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Events;
using SovereignOps.Runtime.Tests.Support;

namespace SovereignOps.Runtime.Tests.Events;

public sealed class EventRecorderTests : IDisposable
{
    private static readonly ModelDeployment Model = new()
    {
        Metadata = new V1ObjectMeta { Name = "typhoon", NamespaceProperty = "tenant-th", Uid = "5c1d-model", ResourceVersion = "3" },
    };

    private readonly FakeTimeProvider _time = FakeTime.Create();
    private readonly ScriptedHandler _server;
    private readonly KubeApi _api;
    private readonly EventRecorder _recorder;

    public EventRecorderTests()
    {
        _server = new ScriptedHandler(_time) { Fallback = _ => ScriptedHandler.Json(HttpStatusCode.OK, "{}") };
        _api = new KubeApi(new ApiTransport(new HttpClient(_server), new Uri("http://127.0.0.1:1")), time: _time);
        _recorder = new EventRecorder(_api, "sovereignops-operator", "pod-a", TimeSpan.FromMinutes(5));
    }

    public void Dispose()
    {
        _api.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task The_first_event_is_created_next_to_the_object_it_is_about()
    {
        await _recorder.RecordAsync(Model, EventType.Warning, "InsufficientGpuCapacity", "needs 4 GPUs, pool has 2 free", CancellationToken.None);

        var create = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/api/v1/namespaces/tenant-th/events"), (create.Method, create.PathAndQuery));
        var body = JsonNode.Parse(create.Body!)!;
        Assert.Equal("ModelDeployment", body["involvedObject"]!["kind"]!.GetValue<string>());
        Assert.Equal("5c1d-model", body["involvedObject"]!["uid"]!.GetValue<string>());
        Assert.Equal(("Warning", "InsufficientGpuCapacity", 1), (body["type"]!.GetValue<string>(), body["reason"]!.GetValue<string>(), body["count"]!.GetValue<int>()));
        Assert.Equal("sovereignops-operator", body["source"]!["component"]!.GetValue<string>());
    }

    [Fact]
    public async Task Repeats_are_folded_into_one_count_written_at_most_once_per_interval()
    {
        for (var i = 0; i < 5; i++)
        {
            await _recorder.RecordAsync(Model, EventType.Warning, "ApplyFailed", "503 from the API", CancellationToken.None);
        }

        Assert.Single(_server.Requests);

        _time.Advance(TimeSpan.FromMinutes(6));
        await _recorder.RecordAsync(Model, EventType.Warning, "ApplyFailed", "503 from the API", CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        var patch = _server.Requests[1];
        Assert.Equal("PATCH", patch.Method);
        var created = JsonNode.Parse(_server.Requests[0].Body!)!["metadata"]!["name"]!.GetValue<string>();
        Assert.Equal($"/api/v1/namespaces/tenant-th/events/{created}", patch.PathAndQuery);
        Assert.Equal(6, JsonNode.Parse(patch.Body!)!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_different_message_is_a_different_event()
    {
        await _recorder.RecordAsync(Model, EventType.Normal, "Applied", "3 objects", CancellationToken.None);
        await _recorder.RecordAsync(Model, EventType.Normal, "Applied", "4 objects", CancellationToken.None);

        Assert.Equal(["POST", "POST"], _server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Events_about_cluster_scoped_objects_go_to_the_default_namespace()
    {
        var profile = new SovereignProfile { Metadata = new V1ObjectMeta { Name = "thailand", Uid = "0b9e" } };

        await _recorder.RecordAsync(profile, EventType.Normal, "TenantReady", "namespace tenant-th ready", CancellationToken.None);

        Assert.Equal("/api/v1/namespaces/default/events", Assert.Single(_server.Requests).PathAndQuery);
    }
}
