namespace SovereignOps.Api.Yaml;

internal enum ScalarKind
{
    Null,
    Bool,
    Int,
    UInt,
    Float,
    String,
    Merge,
}

/// <summary>A scalar's YAML 1.1 value before it becomes JSON (keys and values convert differently).</summary>
internal readonly record struct ResolvedScalar(ScalarKind Kind, bool Bool = false, long Int = 0, ulong UInt = 0, double Float = 0, string? Text = null)
{
    public static ResolvedScalar Null { get; } = new(ScalarKind.Null);

    public static ResolvedScalar Merge { get; } = new(ScalarKind.Merge, Text: "<<");

    public static ResolvedScalar FromBool(bool value) => new(ScalarKind.Bool, Bool: value);

    public static ResolvedScalar FromInt(long value) => new(ScalarKind.Int, Int: value);

    public static ResolvedScalar FromUInt(ulong value) => new(ScalarKind.UInt, UInt: value);

    public static ResolvedScalar FromFloat(double value) => new(ScalarKind.Float, Float: value);

    public static ResolvedScalar FromString(string value) => new(ScalarKind.String, Text: value);

    public bool IsNumber => Kind is ScalarKind.Int or ScalarKind.UInt or ScalarKind.Float;
}
