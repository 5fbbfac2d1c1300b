using Cel;
using System.Text.Json.Nodes;

namespace SovereignOps.Api.Schema;

/// <summary>
/// The <c>x-kubernetes-validations</c> pass: visits only the parts of the value whose schema has rules,
/// evaluates each compiled rule with <c>self</c> (and <c>oldSelf</c> on update), and reports failures at
/// the rule's path or fieldPath with its reason and message.
/// </summary>
internal sealed partial class ValidationRun
{
    private const string BudgetExhausted = "validation failed due to running out of cost budget, no further validation rules will be run";

    private readonly CelValueConverter _celValues = new();
    private double _costSpent;
    private bool _budgetExhausted;

    private void RunRules(SchemaNode schema, JsonNode? value, JsonNode? old, bool hasOld)
    {
        if (!schema.HasRulesBelow || value is null || _budgetExhausted)
        {
            return;
        }

        if (schema.Rules.Count > 0)
        {
            EvaluateRules(schema, value, old, hasOld);
        }

        switch (value)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (schema.PropertyOrAdditional(name) is { HasRulesBelow: true } childSchema)
                    {
                        var (oldChild, hasOldChild) = OldValues.Property(old, hasOld, name);
                        _path.PushName(name);
                        RunRules(childSchema, child, oldChild, hasOldChild);
                        _path.Pop();
                    }
                }

                break;
            case JsonArray array when schema.Items is { HasRulesBelow: true } items:
                var oldByKey = OldValues.IndexListMap(schema, old, hasOld);
                for (var i = 0; i < array.Count; i++)
                {
                    JsonNode? oldItem = null;
                    var hasOldItem = oldByKey is not null && array[i] is JsonObject entry && oldByKey.TryGetValue(OldValues.ListMapKey(schema, entry), out oldItem);
                    _path.PushIndex(i);
                    RunRules(items, array[i], oldItem, hasOldItem);
                    _path.Pop();
                }

                break;
        }
    }

    private void EvaluateRules(SchemaNode schema, JsonNode value, JsonNode? old, bool hasOld)
    {
        var self = _celValues.Convert(schema, value);
        object? oldSelf = null;
        var unchanged = (bool?)null;
        foreach (var rule in schema.Rules)
        {
            if (rule.UsesOldSelf && !hasOld)
            {
                continue;
            }

            if (_options.Ratcheting && hasOld && !rule.UsesOldSelf && (unchanged ??= JsonNode.DeepEquals(value, old)))
            {
                continue;
            }

            if (rule.Program.Evaluate is null)
            {
                ReportRule(rule, SchemaViolationType.Internal, ViolationText.WithoutValue(SchemaViolationType.Internal, $"rule {rule.Rule} does not compile: {rule.Program.CompileError}"));
                continue;
            }

            if (!Afford(rule.Program, self.Nodes))
            {
                ReportRule(rule, SchemaViolationType.Invalid, ViolationText.WithValue(SchemaViolationType.Invalid, RuleBadValue(schema), BudgetExhausted), useFieldPath: false);
                _budgetExhausted = true;
                return;
            }

            if (hasOld)
            {
                oldSelf ??= _celValues.Convert(schema, old).Value;
            }

            var variables = new CelActivation(self.Value, oldSelf, hasOld);

            var (passed, evaluationError) = Evaluate(rule.Program, variables);
            if (evaluationError is not null)
            {
                ReportRule(rule, SchemaViolationType.Invalid, ViolationText.WithValue(SchemaViolationType.Invalid, RuleBadValue(schema), $"rule {rule.Rule} could not be evaluated: {evaluationError}"));
            }
            else if (!passed)
            {
                ReportFailedRule(schema, rule, variables);
            }
        }

    }

    /// <summary>
    /// Charges the estimated cost of one evaluation: the expression's size times the value's node count
    /// raised to the comprehension nesting depth, which bounds nested all()/exists() over lists.
    /// </summary>
    private bool Afford(CelProgram program, long valueNodes)
    {
        var cost = program.Size * Math.Pow(Math.Max(1, valueNodes), program.ComprehensionDepth);
        if (_costSpent + cost > _options.RuleCostBudget)
        {
            return false;
        }

        _costSpent += cost;
        return true;
    }

    private static (bool Passed, string? Error) Evaluate(CelProgram program, CelActivation variables)
    {
        try
        {
            return program.Evaluate!(variables) switch
            {
                bool result => (result, null),
                null => (false, "the rule evaluated to null, not a bool"),
                var other when other.GetType().Name == "CelNoSuchField" => (false, "no such key"),
                var other => (false, $"the rule evaluated to {other.GetType().Name}, not a bool"),
            };
        }
        catch (CelException exception)
        {
            return (false, exception.Message);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The evaluator is third-party code run on request data, and reports some type mismatches with
            // plain runtime exceptions: whatever it throws fails this rule, never the whole request.
            return (false, exception.Message);
        }
    }

    private void ReportFailedRule(SchemaNode schema, CelRule rule, CelActivation variables)
    {
        var message = MessageFromExpression(rule, variables)
            ?? (string.IsNullOrEmpty(rule.Source.Message) ? $"failed rule: {rule.Rule}" : rule.Source.Message);
        var (type, text) = rule.Source.Reason switch
        {
            "FieldValueForbidden" => (SchemaViolationType.Forbidden, ViolationText.WithoutValue(SchemaViolationType.Forbidden, message)),
            "FieldValueRequired" => (SchemaViolationType.Required, ViolationText.WithoutValue(SchemaViolationType.Required, message)),
            "FieldValueDuplicate" => (SchemaViolationType.Duplicate, ViolationText.WithValue(SchemaViolationType.Duplicate, ViolationText.Quote(message), null)),
            _ => (SchemaViolationType.Invalid, ViolationText.WithValue(SchemaViolationType.Invalid, RuleBadValue(schema), message)),
        };
        ReportRule(rule, type, text);
    }

    private static string? MessageFromExpression(CelRule rule, CelActivation variables)
    {
        if (rule.MessageProgram?.Evaluate is not { } evaluate)
        {
            return null;
        }

        try
        {
            return evaluate(variables) is string { Length: > 0 } text && !text.Contains('\n', StringComparison.Ordinal) ? text : null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A message that cannot be built falls back to the static message, as in the API server.
            return null;
        }
    }

    private void ReportRule(CelRule rule, SchemaViolationType type, string message, bool useFieldPath = true)
    {
        var depth = _path.Depth;
        if (useFieldPath && rule.FieldPath.Error is null)
        {
            foreach (var segment in rule.FieldPath.Segments)
            {
                _path.PushName(segment);
            }
        }

        _violations.Add(new SchemaViolation(_path.ToString(), type, message));
        _path.TruncateTo(depth);
    }

    // The API server shows a rule failure's value as the schema type of the node ("object", "string"…).
    private static string RuleBadValue(SchemaNode schema) => ViolationText.Quote(schema.Type ?? string.Empty);
}
