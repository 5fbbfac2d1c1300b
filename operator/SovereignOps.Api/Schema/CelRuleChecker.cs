using k8s.Models;
using SovereignOps.Api.Yaml;

namespace SovereignOps.Api.Schema;

/// <summary>
/// Lists every <c>x-kubernetes-validations</c> rule of a schema that cannot work — syntax errors, unknown
/// variables or functions, fields the schema does not have, a bad fieldPath, messageExpression or reason —
/// as the API server does when a CRD is created. Used by CRD tests and by the sandbox's CRD admission.
/// </summary>
public static class CelRuleChecker
{
    private static readonly HashSet<string> Reasons = new(StringComparer.Ordinal)
    {
        "FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate",
    };

    public static IReadOnlyList<CelRuleProblem> Check(V1JSONSchemaProps schema) => Check(StructuralSchema.Compile(schema));

    public static IReadOnlyList<CelRuleProblem> Check(StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var problems = new List<CelRuleProblem>();
        Visit(schema.Root, FieldPath.Root, problems);
        return problems;
    }

    private static void Visit(SchemaNode node, string path, List<CelRuleProblem> problems)
    {
        foreach (var rule in node.Rules)
        {
            foreach (var message in ProblemsOf(rule, node))
            {
                problems.Add(new CelRuleProblem(path, rule.Rule, message));
            }
        }

        if (node.Properties is not null)
        {
            foreach (var (name, property) in node.Properties)
            {
                Visit(property, FieldPath.Child(path, name), problems);
            }
        }

        if (node.AdditionalProperties is { } additional)
        {
            Visit(additional, path + "[*]", problems);
        }

        if (node.Items is { } items)
        {
            Visit(items, path + "[*]", problems);
        }
    }

    private static IEnumerable<string> ProblemsOf(CelRule rule, SchemaNode node)
    {
        if (rule.Program.CompileError is { } compileError)
        {
            yield return $"compilation failed: {compileError}";
        }
        else
        {
            foreach (var reference in CelSchemaReferences.Check(rule.Program.Tree!, node))
            {
                yield return $"compilation failed: {reference}";
            }
        }

        if (rule.MessageProgram is { CompileError: { } messageError })
        {
            yield return $"messageExpression compilation failed: {messageError}";
        }

        if (rule.FieldPath.Error is { } fieldPathError)
        {
            yield return fieldPathError;
        }
        else if (!FieldPathExists(node, rule.FieldPath))
        {
            yield return $"fieldPath {rule.Source.FieldPath} does not refer to a field of the schema";
        }

        if (rule.Source.Reason is { } reason && !Reasons.Contains(reason))
        {
            yield return $"reason {reason} is not one of {string.Join(", ", Reasons.Order(StringComparer.Ordinal))}";
        }

        if (rule.Source.Message?.Contains('\n', StringComparison.Ordinal) == true)
        {
            yield return "message must not contain line breaks";
        }
    }

    private static bool FieldPathExists(SchemaNode node, RuleFieldPath fieldPath)
    {
        var current = node;
        foreach (var segment in fieldPath.Segments)
        {
            if (current.PreserveUnknownFields || current.AdditionalPropertiesAllowAny)
            {
                return true;
            }

            var next = current.PropertyOrAdditional(segment);
            if (next is null)
            {
                return false;
            }

            current = next;
        }

        return true;
    }
}
