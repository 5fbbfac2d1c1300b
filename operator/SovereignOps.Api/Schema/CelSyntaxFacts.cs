using Antlr4.Runtime.Tree;
using Cel.Internal;

namespace SovereignOps.Api.Schema;

/// <summary>
/// What a parsed CEL expression refers to: free identifiers (variables), functions called, how deeply
/// comprehensions nest, and constructs rules may not use. The Cel package binds names only when it
/// evaluates, so this is how an unknown function or variable is caught when the CRD is created.
/// </summary>
internal sealed class CelSyntaxFacts
{
    public HashSet<string> FreeIdentifiers { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Functions { get; } = new(StringComparer.Ordinal);

    public List<string> Problems { get; } = [];

    public int ComprehensionDepth { get; private set; }

    public int NodeCount { get; private set; }

    public static CelSyntaxFacts Collect(IParseTree tree)
    {
        var facts = new CelSyntaxFacts();
        facts.Walk(tree, 0, []);
        return facts;
    }

    private void Walk(IParseTree node, int depth, HashSet<string> bound)
    {
        NodeCount++;
        ComprehensionDepth = Math.Max(ComprehensionDepth, depth);
        switch (node)
        {
            case CelParser.IdentOrGlobalCallContext identifier:
                if (identifier.op is null)
                {
                    if (!bound.Contains(identifier.id.Text))
                    {
                        FreeIdentifiers.Add(identifier.id.Text);
                    }

                    return;
                }

                Functions.Add(identifier.id.Text);
                break;
            case CelParser.MemberCallContext call when CelEnvironmentFactory.Macros.Contains(call.id.Text):
                WalkMacro(call, depth, bound);
                return;
            case CelParser.MemberCallContext call:
                Functions.Add(call.id.Text);
                break;
            case CelParser.CreateMessageContext:
                Problems.Add("message construction (Type{field: value}) is not supported in validation rules");
                return;
        }

        for (var i = 0; i < node.ChildCount; i++)
        {
            Walk(node.GetChild(i), depth, bound);
        }
    }

    private void WalkMacro(CelParser.MemberCallContext call, int depth, HashSet<string> bound)
    {
        var arguments = call.exprList()?._e ?? [];
        if (arguments.Count != 2)
        {
            Problems.Add($"{call.id.Text}() takes a variable name and an expression, e.g. list.{call.id.Text}(x, x > 0)");
            return;
        }

        var variable = arguments[0].GetText();
        if (!Yaml.FieldPath.IsIdentifier(variable))
        {
            Problems.Add($"{call.id.Text}() needs a variable name as its first argument, not {variable}");
            return;
        }

        Walk(call.member(), depth, bound);
        Walk(arguments[1], depth + 1, [.. bound, variable]);
    }
}
