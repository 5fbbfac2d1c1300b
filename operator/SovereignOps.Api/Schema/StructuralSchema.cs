using System.Runtime.CompilerServices;
using k8s.Models;

namespace SovereignOps.Api.Schema;

/// <summary>
/// A CRD version's <c>openAPIV3Schema</c> compiled for validation, defaulting and pruning. Compile once
/// and reuse: patterns and CEL programs are built here, not per request. The schema object must not be
/// changed after compiling.
/// </summary>
public sealed class StructuralSchema
{
    private static readonly ConditionalWeakTable<V1JSONSchemaProps, StructuralSchema> Compiled = new();

    private StructuralSchema(V1JSONSchemaProps source, SchemaNode root, IReadOnlyList<string> problems)
    {
        Source = source;
        Root = root;
        Problems = problems;
    }

    public V1JSONSchemaProps Source { get; }

    /// <summary>
    /// Parts of the schema that a structural schema may not contain or that cannot be compiled (a list
    /// of item schemas, an unsupported pattern, rules inside allOf…), each as "path: problem".
    /// </summary>
    public IReadOnlyList<string> Problems { get; }

    internal SchemaNode Root { get; }

    /// <summary>Compiles <paramref name="schema"/> afresh.</summary>
    public static StructuralSchema Compile(V1JSONSchemaProps schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var compiler = new SchemaCompiler();
        var root = compiler.Compile(schema);
        return new StructuralSchema(schema, root, compiler.Problems);
    }

    /// <summary>The compiled form of <paramref name="schema"/>, compiled on first use and kept while the schema object lives.</summary>
    public static StructuralSchema For(V1JSONSchemaProps schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return Compiled.GetValue(schema, Compile);
    }
}
