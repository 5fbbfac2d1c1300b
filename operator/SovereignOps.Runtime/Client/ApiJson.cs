using System.Text.Json;
using System.Text.Json.Serialization;
using SovereignOps.Api.Bundles;

namespace SovereignOps.Runtime.Client;

/// <summary>
/// How the runtime reads what the API server sends: KubernetesClient's naming and converters, its
/// source-generated metadata for the Kubernetes models and the compile-time metadata of the custom
/// resources (no reflection-built serializers on first use; see <see cref="KubernetesJsonConventions"/>),
/// and every short string shared through <see cref="StringPool.Shared"/>, because read objects end up in
/// long-lived informer caches.
/// </summary>
public static class ApiJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions(StringPool.Shared);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"the API sent null for a {typeof(T).Name}");

    public static T Deserialize<T>(JsonElement json) =>
        json.Deserialize<T>(Options) ?? throw new JsonException($"the API sent null for a {typeof(T).Name}");

    /// <summary>
    /// The object's JSON as a read-only document, written straight into pooled buffers (no intermediate
    /// string): what the applier compares desired bodies with.
    /// </summary>
    public static JsonDocument ToDocument(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.SerializeToDocument(value, value.GetType(), Options);
    }

    internal static JsonSerializerOptions CreateOptions(StringPool pool)
    {
        var options = KubernetesJsonConventions.CreateOptions();
        options.Converters.Insert(0, new PooledStringConverter(pool));
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Reads strings (values and dictionary keys) through the pool; writes them as usual.</summary>
    private sealed class PooledStringConverter(StringPool pool) : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => pool.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => pool.Read(ref reader);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
    }
}
