using Prometheus;

namespace SovereignOps.Runtime.Metrics;

/// <summary>
/// Every metric the runtime exports, registered in one registry the host serves on <c>/metrics</c>.
/// A registry of its own (rather than prometheus-net's static default) lets two operators live in
/// one test process without sharing counters.
/// </summary>
public sealed class RuntimeMetrics
{
    public RuntimeMetrics()
        : this(Prometheus.Metrics.NewCustomRegistry())
    {
    }

    public RuntimeMetrics(CollectorRegistry registry)
    {
        Registry = registry;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);

        ReconcileTotal = factory.CreateCounter("sovereignops_reconcile_total",
            "Reconciles finished, by kind and result (done, requeue, retry, terminal, error, canceled).",
            new CounterConfiguration { LabelNames = ["kind", "result"] });
        ReconcileErrors = factory.CreateCounter("sovereignops_reconcile_errors_total",
            "Reconciles that ended in an error (retry, terminal or an exception), by kind.",
            new CounterConfiguration { LabelNames = ["kind"] });
        ReconcileDuration = factory.CreateHistogram("sovereignops_reconcile_duration_seconds",
            "Time spent in one reconcile, by kind.",
            new HistogramConfiguration { LabelNames = ["kind"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });

        QueueDepth = factory.CreateGauge("sovereignops_workqueue_depth",
            "Keys waiting in the work queue to be reconciled, by queue.",
            new GaugeConfiguration { LabelNames = ["queue"] });
        QueueAdds = factory.CreateCounter("sovereignops_workqueue_adds_total",
            "Keys added to the work queue (duplicates of a waiting key are not counted).",
            new CounterConfiguration { LabelNames = ["queue"] });
        QueueRetries = factory.CreateCounter("sovereignops_workqueue_retries_total",
            "Keys scheduled again with backoff after a failed reconcile.",
            new CounterConfiguration { LabelNames = ["queue"] });

        ApiRequests = factory.CreateCounter("sovereignops_api_requests_total",
            "Requests sent to the Kubernetes API, by verb and HTTP status code (\"error\" when no response came back).",
            new CounterConfiguration { LabelNames = ["verb", "code"] });
        ApiRequestDuration = factory.CreateHistogram("sovereignops_api_request_duration_seconds",
            "Time until the response headers of a Kubernetes API request arrived, by verb.",
            new HistogramConfiguration { LabelNames = ["verb"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });

        InformerEvents = factory.CreateCounter("sovereignops_informer_events_total",
            "Watch events applied to an informer cache, by kind and event type.",
            new CounterConfiguration { LabelNames = ["kind", "type"] });
        InformerWatchErrors = factory.CreateCounter("sovereignops_informer_watch_errors_total",
            "Failed lists and watches, by kind and reason.",
            new CounterConfiguration { LabelNames = ["kind", "reason"] });
        InformerRelists = factory.CreateCounter("sovereignops_informer_relists_total",
            "Full lists an informer made after its first one (410 Gone or a broken list), by kind.",
            new CounterConfiguration { LabelNames = ["kind"] });
        InformerLastEvent = factory.CreateGauge("sovereignops_informer_last_event_timestamp_seconds",
            "Unix time of the last event or bookmark an informer received, by kind.",
            new GaugeConfiguration { LabelNames = ["kind"] });
        InformerLastEventAge = factory.CreateGauge("sovereignops_informer_last_event_age_seconds",
            "Seconds since an informer last heard from the API server (events and bookmarks), by kind.",
            new GaugeConfiguration { LabelNames = ["kind"] });

        IsLeader = factory.CreateGauge("sovereignops_leader_election_is_leader",
            "1 while this instance holds the leader lease, else 0.",
            new GaugeConfiguration { LabelNames = ["lease"] });
        EventsEmitted = factory.CreateCounter("sovereignops_events_total",
            "Kubernetes Events written, by type and reason; repeats folded into an existing Event count too.",
            new CounterConfiguration { LabelNames = ["type", "reason"] });

        registry.AddBeforeCollectCallback(RefreshInformerAges);
    }

    public CollectorRegistry Registry { get; }

    public Counter ReconcileTotal { get; }

    public Counter ReconcileErrors { get; }

    public Histogram ReconcileDuration { get; }

    public Gauge QueueDepth { get; }

    public Counter QueueAdds { get; }

    public Counter QueueRetries { get; }

    public Counter ApiRequests { get; }

    public Histogram ApiRequestDuration { get; }

    public Counter InformerEvents { get; }

    public Counter InformerWatchErrors { get; }

    public Counter InformerRelists { get; }

    public Gauge InformerLastEvent { get; }

    public Gauge InformerLastEventAge { get; }

    public Gauge IsLeader { get; }

    public Counter EventsEmitted { get; }

    /// <summary>The registry in the Prometheus text format, as served on <c>/metrics</c>.</summary>
    public async Task<string> ExportAsync(CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(buffer, cancellationToken);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void RefreshInformerAges()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        foreach (var labels in InformerLastEvent.GetAllLabelValues())
        {
            var last = InformerLastEvent.WithLabels(labels).Value;
            InformerLastEventAge.WithLabels(labels).Set(last > 0 ? Math.Max(0, now - last) : 0);
        }
    }
}
