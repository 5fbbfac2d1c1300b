using System.Globalization;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Cluster.Model;
using SovereignOps.Sandbox.Cluster.Timing;
using SovereignOps.Sandbox.Controllers;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Cluster.Kubelet;

/// <summary>
/// The node side of each simulated kubelet: on registration it gets a pod CIDR, reports its status (Ready,
/// the pressure conditions, addresses, nodeInfo) and creates its Lease in kube-node-lease; then it renews
/// the lease every <see cref="ClusterOptions.NodeLeaseInterval"/> and re-reports status every
/// <see cref="ClusterOptions.NodeStatusReportInterval"/>. A stopped kubelet (a node fault) does neither.
/// Loop thread only.
/// </summary>
internal sealed class NodeAgents(ResourceApi api, TimerQueue timers, ClusterOptions options, TimeProvider clock)
{
    public const string LeaseNamespace = "kube-node-lease";
    private const string Manager = "kubelet";

    private readonly Dictionary<string, Agent> _agents = new(StringComparer.Ordinal);
    private readonly SortedSet<int> _freeIndexes = [];
    private int _nextIndex;
    private ResourceType? _nodes;
    private ResourceType? _leases;

    /// <summary>Fires when a stopped kubelet starts again, so its pods can be brought back in line.</summary>
    public event Action<string>? Resumed;

    /// <summary>The node is registered and its kubelet is running: it runs and stops pods.</summary>
    public bool IsRunning(string node) => _agents.TryGetValue(node, out var agent) && agent.Running;

    public PodAddressPool? Addresses(string node) => _agents.GetValueOrDefault(node)?.Addresses;

    public string HostIp(string node) => _agents.GetValueOrDefault(node)?.InternalIp ?? "";

    public void NodeChanged(NodeFacts? current, string name)
    {
        if (current is null)
        {
            if (_agents.Remove(name, out var gone))
            {
                _freeIndexes.Add(gone.Index);
            }

            return;
        }

        if (_agents.TryGetValue(name, out var agent) && agent.Uid == current.Uid)
        {
            agent.InternalIp = current.InternalIp.Length > 0 ? current.InternalIp : agent.InternalIp;
            return;
        }

        if (agent is not null)
        {
            _freeIndexes.Add(agent.Index);
        }

        var index = _freeIndexes.Count > 0 ? _freeIndexes.Min : _nextIndex++;
        _freeIndexes.Remove(index);
        var cidr = current.PodCidr.Length > 0 ? current.PodCidr : PodAddressPool.CidrFor(index);
        agent = new Agent(current.Uid, index, PodAddressPool.ForCidr(cidr) ?? PodAddressPool.ForCidr(PodAddressPool.CidrFor(index))!)
        {
            InternalIp = current.InternalIp.Length > 0 ? current.InternalIp : $"172.20.{index / 250}.{10 + (index % 250)}",
        };
        _agents[name] = agent;
        Register(name, agent, cidr);
    }

    /// <summary>Stops or restarts a node's kubelet; false when the node is unknown.</summary>
    public bool SetRunning(string node, bool running)
    {
        if (!_agents.TryGetValue(node, out var agent))
        {
            return false;
        }

        if (agent.Running == running)
        {
            return true;
        }

        agent.Running = running;
        agent.Generation++;
        if (running)
        {
            ReportStatus(node, agent);
            RenewLease(node, agent);
            ScheduleHeartbeat(node, agent, clock.GetUtcNow() + options.NodeLeaseInterval);
            Resumed?.Invoke(node);
        }

        return true;
    }

    private void Register(string name, Agent agent, string cidr)
    {
        _nodes ??= api.Resolve("", "v1", "nodes")!;
        ControllerWrites.Update(api, _nodes, "", name, Manager, node =>
        {
            var spec = node["spec"] as JsonObject ?? new JsonObject();
            node["spec"] = spec;
            if (spec.GetString("podCIDR") is { Length: > 0 })
            {
                return false;
            }

            spec["podCIDR"] = cidr;
            spec["podCIDRs"] = new JsonArray(cidr);
            return true;
        });
        ReportStatus(name, agent);
        RenewLease(name, agent);

        // Spread the first renewals over one interval so hundreds of nodes do not renew in the same instant.
        var offset = options.NodeLeaseInterval * ((Spread(name) % 1000) / 1000.0);
        ScheduleHeartbeat(name, agent, clock.GetUtcNow() + offset);
    }

    private void ScheduleHeartbeat(string name, Agent agent, DateTimeOffset due)
    {
        var generation = agent.Generation;
        timers.At(due, () =>
        {
            if (!_agents.TryGetValue(name, out var current) || current != agent || agent.Generation != generation || !agent.Running)
            {
                return;
            }

            RenewLease(name, agent);
            if (clock.GetUtcNow() - agent.LastStatusReport >= options.NodeStatusReportInterval)
            {
                ReportStatus(name, agent);
            }

            ScheduleHeartbeat(name, agent, due + options.NodeLeaseInterval);
        });
    }

    private void ReportStatus(string name, Agent agent)
    {
        _nodes ??= api.Resolve("", "v1", "nodes")!;
        var now = clock.GetUtcNow();
        agent.LastStatusReport = now;
        ControllerWrites.Update(api, _nodes, "", name, Manager, node =>
        {
            NodeStatus.Report(node, agent.InternalIp, now);
            return true;
        }, Subresource.Status);
    }

    private void RenewLease(string name, Agent agent)
    {
        _leases ??= api.Resolve("coordination.k8s.io", "v1", "leases")!;
        var renewTime = MicroTime(clock.GetUtcNow());
        var renewed = ControllerWrites.Update(api, _leases, LeaseNamespace, name, Manager, lease =>
        {
            var spec = lease["spec"] as JsonObject ?? new JsonObject();
            lease["spec"] = spec;
            spec["renewTime"] = renewTime;
            return true;
        });
        if (renewed is not null)
        {
            return;
        }

        api.Create(_leases, LeaseNamespace, new JsonObject
        {
            ["apiVersion"] = "coordination.k8s.io/v1",
            ["kind"] = "Lease",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = LeaseNamespace,
                ["ownerReferences"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "Node",
                    ["name"] = name,
                    ["uid"] = agent.Uid,
                }),
            },
            ["spec"] = new JsonObject
            {
                ["holderIdentity"] = name,
                ["leaseDurationSeconds"] = 40,
                ["renewTime"] = renewTime,
            },
        }, new WriteOptions { FieldManager = Manager });
    }

    /// <summary>metav1.MicroTime as the API writes it: RFC 3339 with microseconds.</summary>
    public static string MicroTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static uint Spread(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private sealed class Agent(string uid, int index, PodAddressPool addresses)
    {
        public string Uid { get; } = uid;

        public int Index { get; } = index;

        public PodAddressPool Addresses { get; } = addresses;

        public string InternalIp { get; set; } = "";

        public bool Running { get; set; } = true;

        public int Generation { get; set; }

        public DateTimeOffset LastStatusReport { get; set; }
    }
}
