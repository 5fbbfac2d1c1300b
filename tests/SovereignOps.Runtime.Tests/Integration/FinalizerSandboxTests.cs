using k8s.Models;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Finalizers;

namespace SovereignOps.Runtime.Tests.Integration;

public sealed class FinalizerSandboxTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly ResourceType ConfigMaps = ResourceType.For<V1ConfigMap>();

    [Fact]
    public async Task The_object_stays_until_cleanup_succeeded_and_the_finalizer_was_removed()
    {
        using var api = sandbox.NewApi();
        var ns = await sandbox.NewNamespaceAsync(api);
        var key = new ResourceKey(ns, "tenant-baseline");
        await api.CreateAsync(ConfigMaps, new V1ConfigMap { Metadata = new V1ObjectMeta { Name = key.Name, NamespaceProperty = ns } }, CancellationToken.None);
        var finalizer = new Finalizer(api, Finalizer.Cleanup);
        var cleanups = 0;

        Assert.Equal(FinalizerStep.Added, (await finalizer.EnsureAsync(await ReadAsync(api, key), _ => Task.FromResult<ApiError?>(null), CancellationToken.None)).Value);
        await api.DeleteAsync(ConfigMaps, key, new DeleteOptions(), CancellationToken.None);
        var deleting = await ReadAsync(api, key);
        Assert.NotNull(deleting.Metadata.DeletionTimestamp);

        var failed = await finalizer.EnsureAsync(deleting, _ =>
        {
            cleanups++;
            return Task.FromResult<ApiError?>(new ApiError(503, "ServiceUnavailable", "cleanup could not reach the registry"));
        }, CancellationToken.None);
        Assert.False(failed.IsSuccess);
        Assert.Contains(Finalizer.Cleanup, (await ReadAsync(api, key)).Metadata.Finalizers);

        var done = await finalizer.EnsureAsync(await ReadAsync(api, key), _ =>
        {
            cleanups++;
            return Task.FromResult<ApiError?>(null);
        }, CancellationToken.None);

        Assert.Equal(FinalizerStep.Finalized, done.Value);
        Assert.Equal(2, cleanups);
        Assert.True((await api.GetAsync<V1ConfigMap>(ConfigMaps, key, CancellationToken.None)).Error?.IsNotFound);
    }

    [Fact]
    public async Task A_finalizer_written_from_a_stale_version_is_refused_with_a_conflict()
    {
        using var api = sandbox.NewApi();
        var ns = await sandbox.NewNamespaceAsync(api);
        var key = new ResourceKey(ns, "stale");
        var stale = (await api.CreateAsync(ConfigMaps, new V1ConfigMap { Metadata = new V1ObjectMeta { Name = key.Name, NamespaceProperty = ns } }, CancellationToken.None)).Value;
        await api.PatchAsync(ConfigMaps, key, PatchType.Merge, """{"data":{"changed":"yes"}}""", new PatchOptions(), CancellationToken.None);

        var result = await new Finalizer(api, Finalizer.Cleanup).EnsureAsync(stale, _ => Task.FromResult<ApiError?>(null), CancellationToken.None);

        Assert.True(result.Error?.IsConflict, result.ToString());
    }

    private static async Task<V1ConfigMap> ReadAsync(KubeApi api, ResourceKey key) =>
        (await api.GetAsync<V1ConfigMap>(ConfigMaps, key, CancellationToken.None)).Value;
}
