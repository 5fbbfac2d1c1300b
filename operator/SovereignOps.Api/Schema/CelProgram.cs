using System.Collections.Concurrent;
using Cel;
using Cel.Internal;

namespace SovereignOps.Api.Schema;

/// <summary>
/// A CEL expression compiled once: the evaluable program, or why it does not compile, plus the facts
/// the validator needs (does it use <c>oldSelf</c>, how deeply are its comprehensions nested).
/// </summary>
internal sealed class CelProgram
{
    private const int MaxCachedPrograms = 8192;
    private const int MaxExpressionLength = 10_000;
    private const int MaxNesting = 64;
    private static readonly ConcurrentDictionary<string, CelProgram> Cache = new(StringComparer.Ordinal);

    private CelProgram(string expression)
    {
        Expression = expression;
    }

    public string Expression { get; }

    public CelProgramDelegate? Evaluate { get; private set; }

    public string? CompileError { get; private set; }

    public CelParser.StartContext? Tree { get; private set; }

    public bool UsesOldSelf { get; private set; }

    /// <summary>How deeply comprehension macros (all, exists, map…) nest; drives the cost estimate.</summary>
    public int ComprehensionDepth { get; private set; }

    /// <summary>Number of parse-tree nodes: the cost of one evaluation step over the expression.</summary>
    public int Size { get; private set; }

    /// <summary>The compiled program for <paramref name="expression"/>, shared by every schema that uses the same text.</summary>
    public static CelProgram Get(string expression)
    {
        if (Cache.TryGetValue(expression, out var cached))
        {
            return cached;
        }

        if (Cache.Count >= MaxCachedPrograms)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(expression, Compile);
    }

    private static CelProgram Compile(string expression)
    {
        var program = new CelProgram(expression);
        if (string.IsNullOrWhiteSpace(expression))
        {
            program.CompileError = "the expression is empty";
            return program;
        }

        if (expression.Length > MaxExpressionLength || NestingDepth(expression) > MaxNesting)
        {
            // The parser recurses per nesting level; refuse before it can exhaust the stack.
            program.CompileError = $"the expression is longer than {MaxExpressionLength} characters or nests deeper than {MaxNesting} levels";
            return program;
        }

        try
        {
            program.Tree = CelEnvironmentFactory.Parse(expression);
        }
        catch (CelException exception)
        {
            program.CompileError = "syntax error: " + exception.Message.ReplaceLineEndings("; ");
            return program;
        }

        var facts = CelSyntaxFacts.Collect(program.Tree);
        program.UsesOldSelf = facts.FreeIdentifiers.Contains("oldSelf");
        program.ComprehensionDepth = facts.ComprehensionDepth;
        program.Size = facts.NodeCount;
        var problems = facts.Problems
            .Concat(facts.FreeIdentifiers
                .Where(name => name is not ("self" or "oldSelf") && !CelEnvironmentFactory.TypeIdentifiers.Contains(name))
                .Select(name => $"undeclared reference to '{name}'"))
            .Concat(facts.Functions
                .Where(name => !CelEnvironmentFactory.KnownFunctions.Contains(name))
                .Select(name => $"found no function named '{name}'"))
            .ToList();
        if (problems.Count > 0)
        {
            program.CompileError = string.Join("; ", problems);
            return program;
        }

        try
        {
            program.Evaluate = CelEnvironmentFactory.Compile(program.Tree);
        }
        catch (CelException exception)
        {
            program.CompileError = exception.Message;
        }

        return program;
    }

    // Brackets of any kind, ignoring those inside string literals.
    private static int NestingDepth(string expression)
    {
        var depth = 0;
        var deepest = 0;
        char? quote = null;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
            }
        }

        return deepest;
    }
}
