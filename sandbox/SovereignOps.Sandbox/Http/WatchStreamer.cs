using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Faults;
using SovereignOps.Sandbox.Metrics;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;
using SovereignOps.Sandbox.Tables;

namespace SovereignOps.Sandbox.Http;

/// <summary>
/// Streams a watch as newline-delimited JSON events over a chunked response. Applies namespace, label and
/// field selectors per event (an object leaving the selector is DELETED for this watch), sends bookmarks
/// when asked, and ends at timeoutSeconds, on a fault-injected cut, or when the client goes away.
/// </summary>
internal sealed class WatchStreamer(ResourceApi api, TableConverter tables, WatchSettings settings, FaultInjector faults, SandboxMetrics metrics)
{
    public async Task StreamAsync(HttpContext context, ResourceType type, string? ns)
    {
        var request = context.Request;
        var options = QueryParameters.List(request, type);
        if (!options.Succeeded)
        {
            await HttpResponses.WriteErrorAsync(context, options.Error);
            return;
        }

        var start = ParseStart(request, out var sendInitialEvents);
        if (start is null)
        {
            await HttpResponses.WriteErrorAsync(context, ApiError.BadRequest($"invalid resourceVersion: {QueryParameters.Get(request, "resourceVersion")}"));
            return;
        }

        var timeout = QueryParameters.Get(request, "timeoutSeconds") is { } t && int.TryParse(t, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : settings.DefaultTimeout;
        var bookmarks = QueryParameters.Flag(request, "allowWatchBookmarks");
        var table = TableRequest.From(request);
        var filter = new WatchFilter(type.Namespaced ? ns : null, options.Value);

        context.Response.StatusCode = 200;
        context.Response.ContentType = table is null ? HttpResponses.JsonContentType : "application/json;as=Table;v=v1;g=meta.k8s.io";
        var output = new EventWriter(context, type, table, tables);

        var forcedExpiry = start.Value.Kind == WatchStartKind.FromVersion && faults.ShouldExpireWatch();
        using var subscription = forcedExpiry ? null : api.Store.Subscribe(type.GroupResource, start.Value);
        if (subscription is null)
        {
            var oldest = api.Store.CurrentResourceVersion;
            var expired = ApiError.Expired($"too old resource version: {start.Value.ResourceVersion} ({oldest})");
            await output.WriteAsync("ERROR", expired.ToStatus());
            return;
        }

        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        lifetime.CancelAfter(timeout);
        var cut = faults.WatchCut();
        if (cut.After is { } cutAfter)
        {
            lifetime.CancelAfter(cutAfter < timeout ? cutAfter : timeout);
        }

        metrics.WatchStarted();
        try
        {
            // The event limit is read as events go out, so a fault plan set while a watch is open cuts it too.
            await RunAsync(subscription, filter, output, type, bookmarks, sendInitialEvents, () => faults.WatchCut().Events, lifetime.Token);
        }
        catch (OperationCanceledException)
        {
            // timeoutSeconds elapsed, the fault plan cut the stream, or the client left: the stream just ends.
        }
        finally
        {
            metrics.WatchEnded();
        }
    }

    private async Task RunAsync(StoreSubscription subscription, WatchFilter filter, EventWriter output, ResourceType type, bool bookmarks, bool sendInitialEvents, Func<int?> maxEvents, CancellationToken cancel)
    {
        var sent = 0;
        foreach (var e in subscription.Initial)
        {
            if (await SendAsync(e) && ++sent >= (maxEvents() ?? int.MaxValue))
            {
                return;
            }
        }

        if (sendInitialEvents && bookmarks)
        {
            await output.WriteBookmarkAsync(subscription.StartVersion, initialEventsEnd: true);
        }

        await output.FlushAsync();
        var reader = subscription.Events;
        while (!cancel.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            wait.CancelAfter(settings.BookmarkInterval);
            bool available;
            try
            {
                available = await reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                if (bookmarks && api.Store.BookmarkVersion(subscription) is { } version)
                {
                    await output.WriteBookmarkAsync(version, initialEventsEnd: false);
                    await output.FlushAsync();
                }

                continue;
            }

            if (!available)
            {
                return;
            }

            while (reader.TryRead(out var e))
            {
                if (await SendAsync(e) && ++sent >= (maxEvents() ?? int.MaxValue))
                {
                    await output.FlushAsync();
                    return;
                }
            }

            await output.FlushAsync();
        }

        async Task<bool> SendAsync(StoreEvent e)
        {
            var eventType = filter.Translate(e);
            if (eventType is null)
            {
                return false;
            }

            await output.WriteObjectAsync(eventType, e.Object);
            return true;
        }
    }

    private static WatchStart? ParseStart(HttpRequest request, out bool sendInitialEvents)
    {
        var text = QueryParameters.Get(request, "resourceVersion");
        var initial = QueryParameters.Get(request, "sendInitialEvents");
        sendInitialEvents = initial == "true";
        if (sendInitialEvents)
        {
            return WatchStart.WithCurrentObjects;
        }

        if (string.IsNullOrEmpty(text) || text == "0")
        {
            return initial == "false" ? WatchStart.Now : WatchStart.WithCurrentObjects;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? WatchStart.From(version) : null;
    }

    /// <summary>Writes events in the watch wire format, as plain objects or as single-row tables.</summary>
    private sealed class EventWriter(HttpContext context, ResourceType type, TableRequest? table, TableConverter tables)
    {
        private bool _wroteColumns;

        public async Task WriteObjectAsync(string eventType, StoredObject obj)
        {
            var body = context.Response.BodyWriter;
            if (table is not null)
            {
                var converted = tables.Convert(type, [obj], table.Include, table.ApiVersion, null, withColumns: !_wroteColumns);
                _wroteColumns = true;
                await WriteAsync(eventType, converted);
                return;
            }

            body.Write(Encoding.UTF8.GetBytes($"{{\"type\":\"{eventType}\",\"object\":"));
            body.Write(ObjectView.Render(obj, type));
            body.Write("}\n"u8);
            if (body.UnflushedBytes > 64 * 1024)
            {
                await body.FlushAsync(context.RequestAborted);
            }
        }

        public async Task WriteAsync(string eventType, JsonObject obj)
        {
            var line = new JsonObject { ["type"] = eventType, ["object"] = obj };
            var body = context.Response.BodyWriter;
            body.Write(SandboxJson.ToBytes(line));
            body.Write("\n"u8);
            await body.FlushAsync(context.RequestAborted);
        }

        public Task WriteBookmarkAsync(long resourceVersion, bool initialEventsEnd)
        {
            var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
            if (initialEventsEnd)
            {
                metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
            }

            return WriteAsync("BOOKMARK", new JsonObject { ["kind"] = type.Kind, ["apiVersion"] = type.ApiVersion, ["metadata"] = metadata });
        }

        public async Task FlushAsync() => await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}

/// <summary>Timing of watch streams.</summary>
public sealed record WatchSettings(TimeSpan DefaultTimeout, TimeSpan BookmarkInterval);
