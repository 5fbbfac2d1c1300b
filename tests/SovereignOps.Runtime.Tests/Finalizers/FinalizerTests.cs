using System.Net;
using System.Text.Json.Nodes;
using k8s.Models;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Finalizers;
using SovereignOps.Runtime.Tests.Support;

namespace SovereignOps.Runtime.Tests.Finalizers;

public sealed class FinalizerTests : IDisposable
{
    private readonly ScriptedHandler _server = new(TimeProvider.System);
    private readonly KubeApi _api;
    private readonly Finalizer _finalizer;
    private int _cleanups;

    public FinalizerTests()
    {
        _api = new KubeApi(new ApiTransport(new HttpClient(_server), new Uri("http://127.0.0.1:1")),
            new Resilience.ApiRetryOptions { MaxRetries = 0 });
        _finalizer = new Finalizer(_api, Finalizer.Cleanup);
    }

    public void Dispose()
    {
        _api.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task A_live_object_gets_the_finalizer_through_a_guarded_merge_patch()
    {
        _server.Then(HttpStatusCode.OK, "{}");
        var profile = Profile(finalizers: ["other.io/keep"]);

        var step = await _finalizer.EnsureAsync(profile, Cleanup(null), CancellationToken.None);

        Assert.Equal(FinalizerStep.Added, step.Value);
        var patch = Assert.Single(_server.Requests);
        Assert.Equal(("PATCH", "/apis/sovereignops.io/v1alpha1/sovereignprofiles/thailand", "application/merge-patch+json"), (patch.Method, patch.PathAndQuery, patch.ContentType));
        var metadata = JsonNode.Parse(patch.Body!)!["metadata"]!;
        Assert.Equal("41", metadata["resourceVersion"]!.GetValue<string>());
        Assert.Equal(["other.io/keep", "sovereignops.io/cleanup"], metadata["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(0, _cleanups);
    }

    [Fact]
    public async Task An_object_that_has_the_finalizer_costs_no_request()
    {
        var step = await _finalizer.EnsureAsync(Profile(finalizers: [Finalizer.Cleanup]), Cleanup(null), CancellationToken.None);

        Assert.Equal(FinalizerStep.Continue, step.Value);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task On_deletion_the_finalizer_is_removed_only_after_cleanup_succeeded()
    {
        _server.Then(HttpStatusCode.OK, "{}");
        var deleting = Profile(finalizers: ["other.io/keep", Finalizer.Cleanup], deleting: true);

        var step = await _finalizer.EnsureAsync(deleting, Cleanup(null), CancellationToken.None);

        Assert.Equal(FinalizerStep.Finalized, step.Value);
        Assert.Equal(1, _cleanups);
        var metadata = JsonNode.Parse(Assert.Single(_server.Requests).Body!)!["metadata"]!;
        Assert.Equal(["other.io/keep"], metadata["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task A_failed_cleanup_keeps_the_finalizer()
    {
        var failure = new ApiError(503, "ServiceUnavailable", "registry mirror unreachable");

        var step = await _finalizer.EnsureAsync(Profile(finalizers: [Finalizer.Cleanup], deleting: true), Cleanup(failure), CancellationToken.None);

        Assert.False(step.IsSuccess);
        Assert.Equal(failure, step.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_lost_race_is_a_conflict_for_the_caller_to_retry_after_re_reading()
    {
        _server.Then(HttpStatusCode.Conflict, """{"kind":"Status","code":409,"reason":"Conflict","message":"the object has been modified"}""");

        var step = await _finalizer.EnsureAsync(Profile(finalizers: null), Cleanup(null), CancellationToken.None);

        Assert.True(step.Error!.IsConflict);
    }

    [Fact]
    public async Task A_deleting_object_without_our_finalizer_is_left_alone()
    {
        var step = await _finalizer.EnsureAsync(Profile(finalizers: ["other.io/keep"], deleting: true), Cleanup(null), CancellationToken.None);

        Assert.Equal(FinalizerStep.NotOurs, step.Value);
        Assert.Equal(0, _cleanups);
        Assert.Empty(_server.Requests);
    }

    private Func<CancellationToken, Task<ApiError?>> Cleanup(ApiError? outcome) => _ =>
    {
        _cleanups++;
        return Task.FromResult(outcome);
    };

    private static SovereignProfile Profile(List<string>? finalizers, bool deleting = false) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "thailand",
            Uid = "0b9e-profile",
            ResourceVersion = "41",
            Finalizers = finalizers,
            DeletionTimestamp = deleting ? DateTime.UtcNow : null,
        },
    };
}
