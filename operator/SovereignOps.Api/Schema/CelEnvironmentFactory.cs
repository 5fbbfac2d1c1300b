using Cel;

namespace SovereignOps.Api.Schema;

/// <summary>
/// The one CEL environment rules are compiled in: the Cel package's standard functions plus the
/// Kubernetes extension functions CRD authors rely on (<see cref="KubernetesCelFunctions"/>).
/// </summary>
internal static class CelEnvironmentFactory
{
    private static readonly Lazy<CelEnvironment> Shared = new(Create);

    // Compiling walks the parser's visitor; evaluation only reads the compiled tree.
    private static readonly Lock CompileLock = new();

    /// <summary>Functions and macros the Cel package provides itself.</summary>
    public static IReadOnlySet<string> BuiltInFunctions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "bool", "bytes", "contains", "double", "duration", "dyn", "endsWith", "getDate", "getDayOfMonth",
        "getDayOfWeek", "getDayOfYear", "getFullYear", "getHours", "getMilliseconds", "getMinutes", "getMonth",
        "getSeconds", "has", "int", "matches", "size", "startsWith", "string", "timestamp", "type", "uint",
    };

    public static IReadOnlySet<string> Macros { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "all", "exists", "exists_one", "filter", "map",
    };

    /// <summary>Type names an expression may use as values (<c>type(x) == int</c>).</summary>
    public static IReadOnlySet<string> TypeIdentifiers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type", "dyn",
    };

    public static IReadOnlySet<string> KnownFunctions { get; } =
        BuiltInFunctions.Concat(Macros).Concat(KubernetesCelFunctions.Names).ToHashSet(StringComparer.Ordinal);

    public static CelProgramDelegate Compile(Cel.Internal.CelParser.StartContext parsed)
    {
        lock (CompileLock)
        {
            return Shared.Value.Compile(parsed);
        }
    }

    public static Cel.Internal.CelParser.StartContext Parse(string expression)
    {
        lock (CompileLock)
        {
            return Shared.Value.Parse(expression);
        }
    }

    private static CelEnvironment Create()
    {
        var environment = new CelEnvironment(null, null);
        KubernetesCelFunctions.Register(environment);
        return environment;
    }
}
