using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SovereignOps.Rendering.Values;

/// <summary>A rolling-update bound: an absolute number of pods or a percentage ("25%").</summary>
[JsonConverter(typeof(IntOrPercentJsonConverter))]
public readonly record struct IntOrPercent
{
    private IntOrPercent(int value, bool isPercent)
    {
        Value = value;
        IsPercent = isPercent;
    }

    public int Value { get; }

    public bool IsPercent { get; }

    public static IntOrPercent Pods(int count) =>
        count >= 0 ? new(count, false) : throw new ArgumentOutOfRangeException(nameof(count), count, "A pod count cannot be negative.");

    public static IntOrPercent Percent(int percent) =>
        percent is >= 0 and <= 100 ? new(percent, true) : throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentage lies between 0 and 100.");

    public override string ToString() =>
        IsPercent ? Value.ToString(CultureInfo.InvariantCulture) + "%" : Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Writes a pod count as a JSON number and a percentage as a string, the two forms Kubernetes accepts.</summary>
public sealed class IntOrPercentJsonConverter : JsonConverter<IntOrPercent>
{
    public override IntOrPercent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return IntOrPercent.Pods(reader.GetInt32());
        }

        var text = reader.GetString() ?? string.Empty;
        return text.EndsWith('%') && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var percent)
            ? IntOrPercent.Percent(percent)
            : throw new JsonException($"'{text}' is neither a pod count nor a percentage.");
    }

    public override void Write(Utf8JsonWriter writer, IntOrPercent value, JsonSerializerOptions options)
    {
        if (value.IsPercent)
        {
            writer.WriteStringValue(value.ToString());
        }
        else
        {
            writer.WriteNumberValue(value.Value);
        }
    }
}
