using k8s;
using k8s.Models;
using SovereignOps.Api.Crds;
using SovereignOps.Api.V1Alpha1;
using SovereignOps.Runtime.Apply;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Controllers;
using SovereignOps.Runtime.Finalizers;
using SovereignOps.Runtime.Informers;
using SovereignOps.Runtime.Status;
using SovereignOps.Runtime.Tests.Support;

namespace SovereignOps.Runtime.Tests.Integration;

/// <summary>
/// The pieces together on a custom resource: a controller for GpuPool that keeps a finalizer, applies
/// a child ConfigMap, and reports Ready through /status. After convergence it must write nothing,
/// and a child deleted by hand must come back.
/// </summary>
public sealed class ControllerSandboxTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly string[] WriteVerbs = ["create", "update", "patch", "delete", "deletecollection"];

    [Fact]
    public async Task Converges_then_writes_nothing_and_restores_a_child_deleted_by_hand()
    {
        using var api = sandbox.NewApi();
        var ns = await sandbox.NewNamespaceAsync(api);
        var crd = await api.CreateAsync(ResourceType.For<V1CustomResourceDefinition>(), CrdGenerator.Generate(typeof(GpuPool)), CancellationToken.None);
        Assert.True(crd.IsSuccess || crd.Error.IsConflict, crd.ToString());
        await Eventually.TrueAsync(() => CreatePoolAsync(api).GetAwaiter().GetResult(), "the GpuPool kind is served and the pool created");

        var informers = new InformerSet();
        var pools = new Informer<GpuPool>(api);
        var configMaps = new Informer<V1ConfigMap>(api, new InformerOptions { Namespaces = [ns] });
        informers.Add(pools);
        informers.Add(configMaps);
        var reconciler = new PoolReconciler(api, pools.Cache, new Applier(api, informers), ns);
        var metrics = new Metrics.RuntimeMetrics();
        var controller = new Controller<GpuPool>(pools, reconciler, new ControllerOptions(), metrics).Owns(configMaps);
        using var stop = new CancellationTokenSource();
        var manager = new ControllerManager(informers, [controller]);
        var run = manager.RunAsync(stop.Token);
        try
        {
            await Eventually.TrueAsync(() => IsConverged(pools, configMaps, ns), "the pool is Ready with its child", TimeSpan.FromSeconds(20));
            await Task.Delay(TimeSpan.FromSeconds(1));
            var writes = OperatorWrites();
            var reconciles = Reconciles(metrics);

            // Reconciles with nothing to change (as after a resync or a restart) must not write.
            for (var i = 0; i < 3; i++)
            {
                controller.Enqueue(ResourceKey.Cluster("pool-a"));
                await Eventually.TrueAsync(() => Reconciles(metrics) >= reconciles + i + 1, "the forced reconcile ran");
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(0, OperatorWrites() - writes);
            Assert.True(manager.IsReady);

            var child = new ResourceKey(ns, "pool-a-inventory");
            var original = configMaps.Cache.Get(child)!.Metadata.Uid;
            using var someoneElse = new Kubernetes(sandbox.Server.ClientConfiguration);
            await someoneElse.CoreV1.DeleteNamespacedConfigMapAsync(child.Name, ns);
            await Eventually.TrueAsync(() => configMaps.Cache.Get(child) is { } restored && restored.Metadata.Uid != original, "the controller recreates the child");
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }
    }

    private static double Reconciles(Metrics.RuntimeMetrics metrics) => metrics.ReconcileTotal.WithLabels("GpuPool", "done").Value;

    private long OperatorWrites() =>
        WriteVerbs.Sum(verb => sandbox.Server.Metrics.Requests(verb: verb, userAgent: UserAgent.Product));

    private static bool IsConverged(Informer<GpuPool> pools, Informer<V1ConfigMap> configMaps, string ns) =>
        pools.Cache.Get(ResourceKey.Cluster("pool-a")) is { Status: { } status } pool
        && Conditions.IsTrue(status.Conditions, Conditions.Ready)
        && status.ObservedGeneration == pool.Metadata.Generation
        && pool.Metadata.Finalizers?.Contains(Finalizer.Cleanup) == true
        && configMaps.Cache.Get(new ResourceKey(ns, "pool-a-inventory")) is not null;

    private static async Task<bool> CreatePoolAsync(KubeApi api)
    {
        var pool = new GpuPool
        {
            Metadata = new V1ObjectMeta { Name = "pool-a" },
            Spec = new GpuPoolSpec
            {
                ProfileRef = new ObjectReference { Name = "thailand" },
                Region = "th-central",
                NodeSelector = new Dictionary<string, string> { ["sovereignops.io/pool"] = "th-h100" },
                NodeCount = 2,
                Gpu = new GpuSpec { Model = "H100-80GB", MemoryGiB = 80, PerNode = 8, Interconnect = "NVLink" },
            },
        };
        var created = await api.CreateAsync(ResourceType.For<GpuPool>(), pool, CancellationToken.None);
        return created.IsSuccess || created.Error.IsConflict;
    }

    /// <summary>A minimal reconciler in the shape the operator's reconcilers take.</summary>
    private sealed class PoolReconciler(KubeApi api, ObjectCache<GpuPool> pools, Applier applier, string ns) : IReconciler
    {
        private readonly Finalizer _finalizer = new(api, Finalizer.Cleanup);
        private readonly StatusWriter _status = new(api);

        public async Task<ReconcileResult> ReconcileAsync(ResourceKey key, CancellationToken cancellationToken)
        {
            if (pools.Get(key) is not { } pool)
            {
                return ReconcileResult.Done;
            }

            var step = await _finalizer.EnsureAsync(pool, async ct =>
            {
                var pruned = await applier.PruneAsync(pool, [ResourceType.For<V1ConfigMap>()], [], ct);
                return pruned.Error;
            }, cancellationToken);
            if (!step.IsSuccess)
            {
                return ReconcileResult.Retry(step.Error.ToString());
            }

            if (step.Value is FinalizerStep.Finalized or FinalizerStep.NotOurs)
            {
                return ReconcileResult.Done;
            }

            var child = new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = $"{pool.Metadata.Name}-inventory", NamespaceProperty = ns },
                Data = new Dictionary<string, string> { ["gpu"] = pool.Spec.Gpu.Model, ["nodes"] = pool.Spec.NodeCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
            var applied = await applier.ApplyAsync(pool, pool.Spec.ProfileRef.Name, child, cancellationToken);
            if (!applied.IsSuccess)
            {
                return ReconcileResult.Retry(applied.Error.ToString());
            }

            var desired = pool.Status is null ? new GpuPoolStatus() : ObjectCopy.DeepClone(pool.Status);
            desired.ObservedGeneration = pool.Metadata.Generation;
            Conditions.Set(desired.Conditions, Conditions.Ready, ConditionStatus.True, "Reconciled", "inventory applied", pool.Metadata.Generation, api.Time.GetUtcNow());
            var written = await _status.UpdateAsync<GpuPool, GpuPoolStatus>(pool, desired, cancellationToken);
            return written.IsSuccess ? ReconcileResult.Done : ReconcileResult.Retry(written.Error.ToString());
        }
    }
}
