using System.Net;
using System.Text;
using System.Web;

namespace SovereignOps.Runtime.Tests.Support;

/// <summary>
/// Answers list and watch requests from two scripts. When the watch script has run out the watch
/// stays open and silent until the client hangs up, as an idle API server would.
/// </summary>
internal sealed class ListWatchScript : HttpMessageHandler
{
    private readonly Queue<HttpResponseMessage> _lists = new();
    private readonly Queue<HttpResponseMessage> _watches = new();
    private readonly List<Uri> _requests = [];
    private readonly Queue<HttpResponseMessage> _writes = new();
    private readonly List<RecordedWrite> _recordedWrites = [];

    public IReadOnlyList<Uri> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<Uri> Watches => [.. Requests.Where(IsWatch)];

    public IReadOnlyList<Uri> Lists => [.. Requests.Where(u => !IsWatch(u))];

    public IReadOnlyList<RecordedWrite> Patches => Writes("PATCH");

    public IReadOnlyList<RecordedWrite> Deletes => Writes("DELETE");

    /// <summary>The answer to the next PATCH, POST or DELETE.</summary>
    public ListWatchScript Patch(HttpStatusCode status, string body)
    {
        Enqueue(_writes, ScriptedHandler.Json(status, body));
        return this;
    }

    public ListWatchScript Delete(HttpStatusCode status, string body) => Patch(status, body);

    public ListWatchScript List(string resourceVersion, string? continueToken, params string[] items)
    {
        var meta = continueToken is null
            ? $$"""{"resourceVersion":"{{resourceVersion}}"}"""
            : $$"""{"resourceVersion":"{{resourceVersion}}","continue":"{{continueToken}}"}""";
        Enqueue(_lists, ScriptedHandler.Json(HttpStatusCode.OK, $$"""{"kind":"ConfigMapList","apiVersion":"v1","metadata":{{meta}},"items":[{{string.Join(",", items)}}]}"""));
        return this;
    }

    public ListWatchScript ListFails(HttpStatusCode status, string reason)
    {
        Enqueue(_lists, ScriptedHandler.Json(status, $$"""{"kind":"Status","code":{{(int)status}},"reason":"{{reason}}"}"""));
        return this;
    }

    /// <summary>A watch that delivers these events, then ends as at the server's timeout.</summary>
    public ListWatchScript Watch(params string[] events)
    {
        var body = string.Concat(events.Select(e => e + "\n"));
        Enqueue(_watches, new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        return this;
    }

    /// <summary>A watch that opens at once but sends its events only when <paramref name="gate"/> completes.</summary>
    public ListWatchScript Watch(Task gate, params string[] events)
    {
        var body = string.Concat(events.Select(e => e + "\n"));
        Enqueue(_watches, new HttpResponseMessage(HttpStatusCode.OK) { Content = new GatedContent(gate, body) });
        return this;
    }

    public ListWatchScript WatchFails(HttpStatusCode status, string reason)
    {
        Enqueue(_watches, ScriptedHandler.Json(status, $$"""{"kind":"Status","code":{{(int)status}},"reason":"{{reason}}"}"""));
        return this;
    }

    public static string ConfigMap(string name, string version, string uid = "") =>
        $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","namespace":"tenant-th","resourceVersion":"{{{version}}}","uid":"{{{(uid.Length > 0 ? uid : "uid-" + name)}}}"}}""";

    public static string Event(string type, string obj) => $$"""{"type":"{{type}}","object":{{obj}}}""";

    public static string Bookmark(string version) =>
        Event("BOOKMARK", $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"resourceVersion":"{{{version}}}"}}""");

    public static string Expired() =>
        Event("ERROR", """{"kind":"Status","apiVersion":"v1","status":"Failure","code":410,"reason":"Expired","message":"too old resource version"}""");

    public static string Query(Uri uri, string name) => HttpUtility.ParseQueryString(uri.Query)[name] ?? string.Empty;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        lock (_requests)
        {
            _requests.Add(uri);
        }

        if (request.Method != HttpMethod.Get)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (_recordedWrites)
            {
                _recordedWrites.Add(new RecordedWrite(request.Method.Method, uri, request.Content?.Headers.ContentType?.MediaType, body));
            }

            lock (_writes)
            {
                return _writes.TryDequeue(out var answer)
                    ? answer
                    : ScriptedHandler.Json(HttpStatusCode.InternalServerError, """{"kind":"Status","code":500,"reason":"InternalError","message":"write script exhausted"}""");
            }
        }

        return Answer(uri);
    }

    private HttpResponseMessage Answer(Uri uri)
    {
        var queue = IsWatch(uri) ? _watches : _lists;
        lock (queue)
        {
            if (queue.TryDequeue(out var response))
            {
                return response;
            }
        }

        return IsWatch(uri)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new SilentStream()) }
            : ScriptedHandler.Json(HttpStatusCode.InternalServerError, """{"kind":"Status","code":500,"reason":"InternalError","message":"list script exhausted"}""");
    }

    private IReadOnlyList<RecordedWrite> Writes(string method)
    {
        lock (_recordedWrites)
        {
            return [.. _recordedWrites.Where(w => w.Method == method)];
        }
    }

    private static bool IsWatch(Uri uri) => Query(uri, "watch") == "true";

    private static void Enqueue(Queue<HttpResponseMessage> queue, HttpResponseMessage response)
    {
        lock (queue)
        {
            queue.Enqueue(response);
        }
    }

    private sealed class GatedContent(Task gate, string body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await gate;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(body));
            await stream.FlushAsync();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    internal sealed record RecordedWrite(string Method, Uri Uri, string? ContentType, string Body);

    /// <summary>A response body that never sends a byte and ends only when the reader gives up.</summary>
    private sealed class SilentStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
