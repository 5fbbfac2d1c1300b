using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Protobuf;

/// <summary>
/// Turns a Kubernetes protobuf request body (the "k8s\0" magic, a runtime.Unknown envelope, the typed
/// message inside) into the JSON object the rest of the server works on. Only the kinds in
/// <see cref="ProtoSchemas"/> are understood; anything else, or any field not in the schema, is refused
/// with 415 rather than silently dropped.
/// </summary>
public static class ProtobufDecoder
{
    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    public static ApiResult<JsonObject> Decode(ReadOnlySpan<byte> body, string contentType)
    {
        if (!body.StartsWith(Magic))
        {
            return ApiError.BadRequest("protobuf body does not start with the Kubernetes magic prefix");
        }

        try
        {
            var envelope = new ProtoReader(body[Magic.Length..].ToArray());
            string? apiVersion = null;
            string? kind = null;
            byte[]? raw = null;
            while (envelope.TryReadTag(out var field, out var wire))
            {
                switch (field)
                {
                    case 1:
                        var typeMeta = ReadMessage(envelope.ReadBytes(), ProtoSchemas.TypeMeta);
                        apiVersion = typeMeta.GetString("apiVersion");
                        kind = typeMeta.GetString("kind");
                        break;
                    case 2:
                        raw = envelope.ReadBytes();
                        break;
                    default:
                        envelope.Skip(wire);
                        break;
                }
            }

            var schema = apiVersion is null || kind is null ? null : ProtoSchemas.ForKind(apiVersion, kind);
            if (schema is null || raw is null)
            {
                return ApiError.UnsupportedMediaType($"{contentType} for {apiVersion}/{kind}");
            }

            var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
            foreach (var (key, value) in ReadMessage(raw, schema))
            {
                obj[key] = value?.DeepClone();
            }

            return obj;
        }
        catch (InvalidDataException e)
        {
            return ApiError.UnsupportedMediaType($"{contentType} ({e.Message})");
        }
    }

    private static JsonObject ReadMessage(byte[] bytes, ProtoMessage schema)
    {
        var reader = new ProtoReader(bytes);
        var obj = new JsonObject();
        while (reader.TryReadTag(out var number, out var wire))
        {
            if (!schema.Fields.TryGetValue(number, out var field))
            {
                throw new InvalidDataException($"field {number} of {schema.Name} is not understood");
            }

            var value = ReadValue(reader, field);
            if (field.Repeated)
            {
                if (obj[field.JsonName] is not JsonArray list)
                {
                    list = [];
                    obj[field.JsonName] = list;
                }

                list.Add(value);
            }
            else if (field.Kind is ProtoFieldKind.StringMap or ProtoFieldKind.BytesMap)
            {
                if (obj[field.JsonName] is not JsonObject map)
                {
                    map = [];
                    obj[field.JsonName] = map;
                }

                var pair = value!.AsArray();
                map[pair[0]!.GetValue<string>()] = pair[1]?.DeepClone();
            }
            else if (!IsEmptyScalar(value, field))
            {
                obj[field.JsonName] = value;
            }
        }

        return obj;
    }

    /// <summary>Proto3 writes zero values; JSON from the same object would omit them.</summary>
    private static bool IsEmptyScalar(JsonNode? value, ProtoField field) => field.Kind switch
    {
        ProtoFieldKind.String => value?.GetValue<string>().Length == 0,
        ProtoFieldKind.Time => value is null,
        _ => false,
    };

    private static JsonNode? ReadValue(ProtoReader reader, ProtoField field)
    {
        switch (field.Kind)
        {
            case ProtoFieldKind.String:
                return Encoding.UTF8.GetString(reader.ReadBytes());
            case ProtoFieldKind.Bytes:
                return Convert.ToBase64String(reader.ReadBytes());
            case ProtoFieldKind.Int64:
                return (long)reader.ReadVarint();
            case ProtoFieldKind.Bool:
                return reader.ReadVarint() != 0;
            case ProtoFieldKind.Message:
                return ReadMessage(reader.ReadBytes(), field.Message!);
            case ProtoFieldKind.Time:
                var time = new ProtoReader(reader.ReadBytes());
                long seconds = 0;
                while (time.TryReadTag(out var number, out var wire))
                {
                    if (number == 1)
                    {
                        seconds = (long)time.ReadVarint();
                    }
                    else
                    {
                        time.Skip(wire);
                    }
                }

                return seconds == 0 ? null : SandboxJson.Timestamp(DateTimeOffset.FromUnixTimeSeconds(seconds));
            case ProtoFieldKind.RawJson:
                var fields = new ProtoReader(reader.ReadBytes());
                JsonNode? json = null;
                while (fields.TryReadTag(out var number, out var wire))
                {
                    if (number == 1)
                    {
                        try
                        {
                            json = JsonNode.Parse(fields.ReadBytes());
                        }
                        catch (JsonException e)
                        {
                            throw new InvalidDataException(e.Message);
                        }
                    }
                    else
                    {
                        fields.Skip(wire);
                    }
                }

                return json;
            default:
                var entry = new ProtoReader(reader.ReadBytes());
                string key = "";
                JsonNode? value = "";
                while (entry.TryReadTag(out var number, out var wire))
                {
                    switch (number)
                    {
                        case 1:
                            key = Encoding.UTF8.GetString(entry.ReadBytes());
                            break;
                        case 2:
                            var bytes = entry.ReadBytes();
                            value = field.Kind == ProtoFieldKind.BytesMap ? Convert.ToBase64String(bytes) : Encoding.UTF8.GetString(bytes);
                            break;
                        default:
                            entry.Skip(wire);
                            break;
                    }
                }

                return new JsonArray(key, value);
        }
    }
}
