using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;
using SovereignOps.Api.Bundles;

namespace SovereignOps.Runtime.Client;

/// <summary>
/// How the runtime reads what the API server sends: KubernetesClient's naming and converters, its
/// source-generated metadata for the Kubernetes models and the compile-time metadata of the custom
/// resources (no reflection-built serializers on first use), and every short string shared through
/// <see cref="StringPool.Shared"/>, because read objects end up in long-lived informer caches.
/// </summary>
public static class ApiJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions(StringPool.Shared);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"the API sent null for a {typeof(T).Name}");

    public static T Deserialize<T>(JsonElement json) =>
        json.Deserialize<T>(Options) ?? throw new JsonException($"the API sent null for a {typeof(T).Name}");

    internal static JsonSerializerOptions CreateOptions(StringPool pool)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ApiJsonContext.Default, SourceGenerationContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.Converters.Add(new PooledStringConverter(pool));
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new KubernetesJson.Iso8601TimeSpanConverter());
        options.Converters.Add(new KubernetesJson.KubernetesDateTimeConverter());
        options.Converters.Add(new KubernetesJson.KubernetesDateTimeOffsetConverter());
        options.Converters.Add(new V1Status.V1StatusObjectViewConverter());
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
