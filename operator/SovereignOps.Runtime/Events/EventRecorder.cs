using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Serilog;
using SovereignOps.Runtime.Client;
using SovereignOps.Runtime.Metrics;

namespace SovereignOps.Runtime.Events;

/// <summary>
/// Writes core/v1 Events (what <c>kubectl describe</c> shows) for notable transitions. Repeats of
/// the same event for the same object are folded: within <see cref="RepeatInterval"/> they only
/// bump a local count, after it one patch carries the count and the last time, so a reconcile
/// failing in a loop costs one write per interval, not one per attempt. Recording is best effort:
/// a failed write is logged and never fails the reconcile.
/// </summary>
public sealed class EventRecorder
{
    private const int MaxTracked = 4096;

    private readonly KubeApi _api;
    private readonly string _component;
    private readonly string _instance;
    private readonly RuntimeMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly Dictionary<(string Uid, string Type, string Reason, string Message), Series> _series = [];
    private readonly Lock _gate = new();

    public EventRecorder(KubeApi api, string component, string instance, TimeSpan? repeatInterval = null, RuntimeMetrics? metrics = null, ILogger? logger = null)
    {
        _api = api;
        _component = component;
        _instance = instance;
        RepeatInterval = repeatInterval ?? TimeSpan.FromMinutes(5);
        _metrics = metrics;
        _logger = (logger ?? Log.Logger).ForContext<EventRecorder>();
    }

    public TimeSpan RepeatInterval { get; }

    public async Task RecordAsync(IKubernetesObject<V1ObjectMeta> regarding, string type, string reason, string message, CancellationToken cancellationToken)
    {
        var now = _api.Time.GetUtcNow();
        var id = (regarding.Metadata.Uid ?? regarding.Metadata.Name, type, reason, message);
        Series series;
        bool isNew;
        lock (_gate)
        {
            isNew = !_series.TryGetValue(id, out series!);
            if (isNew)
            {
                if (_series.Count >= MaxTracked)
                {
                    _series.Remove(_series.MinBy(s => s.Value.LastWritten).Key);
                }

                series = new Series(EventName(regarding, now), EventNamespace(regarding), now);
                _series[id] = series;
            }

            series.Count++;
            if (!isNew && now - series.LastWritten < RepeatInterval)
            {
                return;
            }

            series.LastWritten = now;
        }

        var result = isNew
            ? await CreateAsync(regarding, series, type, reason, message, now, cancellationToken)
            : await _api.PatchAsync(ResourceType.For<Corev1Event>(), new ResourceKey(series.Namespace, series.Name), PatchType.Merge,
                new JsonObject { ["count"] = series.Count, ["lastTimestamp"] = Timestamp(now) }.ToJsonString(), new PatchOptions(), cancellationToken);
        if (!result.IsSuccess)
        {
            _logger.Warning("Could not record event {Reason} for {Kind} {Name}: {Error}", reason, regarding.Kind, regarding.Metadata.Name, result.Error);
            return;
        }

        _metrics?.EventsEmitted.WithLabels(type, reason).Inc();
    }

    private async Task<ApiResult<bool>> CreateAsync(IKubernetesObject<V1ObjectMeta> regarding, Series series, string type, string reason, string message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var regardingType = ResourceType.ForType(regarding.GetType());
        var item = new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = series.Name, NamespaceProperty = series.Namespace },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = regardingType.ApiVersion,
                Kind = regardingType.Kind,
                Name = regarding.Metadata.Name,
                NamespaceProperty = regarding.Metadata.NamespaceProperty,
                Uid = regarding.Metadata.Uid,
                ResourceVersion = regarding.Metadata.ResourceVersion,
            },
            Type = type,
            Reason = reason,
            Message = message.Length > 1024 ? message[..1024] : message,
            Count = series.Count,
            FirstTimestamp = now.UtcDateTime,
            LastTimestamp = now.UtcDateTime,
            Source = new V1EventSource { Component = _component },
            ReportingComponent = _component,
            ReportingInstance = _instance,
        };
        var created = await _api.CreateAsync(ResourceType.For<Corev1Event>(), item, cancellationToken);
        return created.IsSuccess ? ApiResult.Success(true) : created.Error;
    }

    /// <summary>Events of cluster-scoped objects live in <c>default</c>, as kubectl expects.</summary>
    private static string EventNamespace(IKubernetesObject<V1ObjectMeta> regarding) =>
        string.IsNullOrEmpty(regarding.Metadata.NamespaceProperty) ? "default" : regarding.Metadata.NamespaceProperty;

    private static string EventName(IKubernetesObject<V1ObjectMeta> regarding, DateTimeOffset now) =>
        $"{regarding.Metadata.Name}.{now.ToUnixTimeMilliseconds():x}{Random.Shared.Next(0x1000):x3}";

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private sealed class Series(string name, string @namespace, DateTimeOffset lastWritten)
    {
        public string Name { get; } = name;

        public string Namespace { get; } = @namespace;

        public int Count { get; set; }

        public DateTimeOffset LastWritten { get; set; } = lastWritten;
    }
}
