using Antlr4.Runtime.Tree;
using Cel.Internal;

namespace SovereignOps.Api.Schema;

/// <summary>
/// Checks the fields a rule selects against the schema it is attached to, so <c>self.replicaz</c> is
/// reported when the CRD is created ("undefined field") instead of failing on every object. Follows
/// <c>self</c>, <c>oldSelf</c>, indexes and comprehension variables; anything it cannot type is left alone.
/// </summary>
internal sealed class CelSchemaReferences
{
    private static readonly SchemaNode StringKey = new() { Type = "string" };
    private readonly List<string> _problems = [];

    public static IReadOnlyList<string> Check(IParseTree tree, SchemaNode self)
    {
        var checker = new CelSchemaReferences();
        var scope = new Dictionary<string, SchemaNode?>(StringComparer.Ordinal) { ["self"] = self, ["oldSelf"] = self };
        checker.Resolve(tree, scope);
        return checker._problems;
    }

    /// <summary>Walks <paramref name="node"/>; returns the schema of its value when known.</summary>
    private SchemaNode? Resolve(IParseTree node, Dictionary<string, SchemaNode?> scope)
    {
        switch (node)
        {
            case CelParser.IdentOrGlobalCallContext { op: null } identifier:
                return scope.GetValueOrDefault(identifier.id.Text);
            case CelParser.SelectContext select:
                return SelectField(Resolve(select.member(), scope), select.id.Text);
            case CelParser.IndexContext index:
                var container = Resolve(index.member(), scope);
                Resolve(index.expr(), scope);
                return container?.Items ?? container?.AdditionalProperties;
            case CelParser.NestedContext nested:
                return Resolve(nested.expr(), scope);
            case CelParser.MemberCallContext call when CelEnvironmentFactory.Macros.Contains(call.id.Text) && call.exprList()?._e is { Count: 2 } arguments:
                var target = Resolve(call.member(), scope);
                var element = target?.Type == "array" ? target.Items : target?.Type == "object" ? StringKey : null;
                var inner = new Dictionary<string, SchemaNode?>(scope, StringComparer.Ordinal) { [arguments[0].GetText()] = element };
                Resolve(arguments[1], inner);
                return null;
        }

        if (node.ChildCount == 1)
        {
            return Resolve(node.GetChild(0), scope);
        }

        for (var i = 0; i < node.ChildCount; i++)
        {
            Resolve(node.GetChild(i), scope);
        }

        return null;
    }

    private SchemaNode? SelectField(SchemaNode? parent, string field)
    {
        if (parent is null)
        {
            return null;
        }

        if (parent.Properties is not null && parent.Properties.TryGetValue(field, out var property))
        {
            return property;
        }

        if (parent.AdditionalProperties is { } additional)
        {
            return additional;
        }

        var open = parent.PreserveUnknownFields || parent.AdditionalPropertiesAllowAny
            || (parent.EmbeddedResource && field is "apiVersion" or "kind" or "metadata");
        if (!open && (parent.Type == "object" || parent.Properties is not null))
        {
            _problems.Add($"undefined field '{field}'");
        }
        else if (!open && parent.Type is { } type && type != "object")
        {
            _problems.Add($"a {type} has no field '{field}'");
        }

        return null;
    }
}
