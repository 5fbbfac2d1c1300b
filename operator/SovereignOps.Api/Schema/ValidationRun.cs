using System.Text.Json;
using System.Text.Json.Nodes;

namespace SovereignOps.Api.Schema;

/// <summary>
/// One validation of one value: walks value and schema together, reporting every violation (not just
/// the first), then runs the CEL rules unless a type or enum error makes them meaningless — the order
/// the API server uses.
/// </summary>
internal sealed partial class ValidationRun
{
    private const string RulesSkippedMessage =
        "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

    private readonly PathStack _path = new();
    private readonly SchemaValidationOptions _options;
    private List<SchemaViolation> _violations = [];

    public ValidationRun(SchemaValidationOptions options)
    {
        _options = options;
    }

    public IReadOnlyList<SchemaViolation> Run(SchemaNode root, JsonNode? value, JsonNode? old, bool hasOld)
    {
        ValidateNode(root, value, old, hasOld);
        if (_options.EvaluateRules && root.HasRulesBelow)
        {
            if (_violations.Any(v => v.Type is SchemaViolationType.TypeInvalid or SchemaViolationType.NotSupported))
            {
                _violations.Add(new SchemaViolation(string.Empty, SchemaViolationType.Invalid, ViolationText.WithValue(SchemaViolationType.Invalid, "\"null\"", RulesSkippedMessage)));
            }
            else
            {
                RunRules(root, value, old, hasOld);
            }
        }

        return _violations;
    }

    private void ValidateNode(SchemaNode schema, JsonNode? value, JsonNode? old, bool hasOld)
    {
        var node = new NodeUnderTest(value, old, hasOld);
        var kind = JsonKinds.Kind(value);
        if (kind == JsonValueKind.Null)
        {
            if (!schema.Nullable && (schema.Type is not null || schema.IntOrString))
            {
                ReportTypeMismatch(schema, value, node);
            }

            return;
        }

        if (!HasExpectedType(schema, value, kind))
        {
            ReportTypeMismatch(schema, value, node);
            return;
        }

        CheckEnum(schema, value, node);
        switch (kind)
        {
            case JsonValueKind.String:
                CheckString(schema, value!.GetValue<string>(), node);
                break;
            case JsonValueKind.Number:
                CheckNumber(schema, value!, node);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, value!.AsArray(), node);
                break;
            case JsonValueKind.Object:
                CheckObject(schema, value!.AsObject(), node);
                break;
        }

        CheckJunctors(schema, value, node);
    }

    private static bool HasExpectedType(SchemaNode schema, JsonNode? value, JsonValueKind kind)
    {
        if (schema.IntOrString)
        {
            return kind == JsonValueKind.String || (kind == JsonValueKind.Number && JsonNumber.TryRead(value, out var n) && n.IsInteger);
        }

        return schema.Type switch
        {
            null => true,
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "number" => kind == JsonValueKind.Number,
            "integer" => kind == JsonValueKind.Number && JsonNumber.TryRead(value, out var number) && number.IsInteger,
            _ => true,
        };
    }

    private void ReportTypeMismatch(SchemaNode schema, JsonNode? value, in NodeUnderTest node)
    {
        var actual = JsonKinds.TypeName(value);
        var expected = schema.IntOrString ? "integer or string" : schema.Type;
        var detail = $"{ViolationText.InBody(_path.ToString())} must be of type {expected}: \"{actual}\"";
        if (schema.Type == "string" && actual == "boolean")
        {
            detail += "; YAML reads unquoted yes/no, y/n, on/off and true/false as booleans, so quote text values (country: \"NO\")";
        }
        else if (schema.Type == "string" && actual is "integer" or "number")
        {
            detail += "; quote the value in YAML to write a number as text";
        }

        Report(SchemaViolationType.TypeInvalid, ViolationText.WithValue(SchemaViolationType.TypeInvalid, ViolationText.Quote(actual), detail), node);
    }

    private void Report(SchemaViolationType type, string message, in NodeUnderTest node)
    {
        if (IsRatcheted(node))
        {
            return;
        }

        _violations.Add(new SchemaViolation(_path.ToString(), type, message));
    }

    private bool IsRatcheted(in NodeUnderTest node) =>
        _options.Ratcheting && node.HasOld && JsonNode.DeepEquals(node.Value, node.Old);

    /// <summary>A value being validated and its old counterpart on update, for ratcheting and transition rules.</summary>
    private readonly record struct NodeUnderTest(JsonNode? Value, JsonNode? Old, bool HasOld);
}
