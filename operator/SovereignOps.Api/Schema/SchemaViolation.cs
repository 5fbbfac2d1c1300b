namespace SovereignOps.Api.Schema;

/// <summary>The kinds of field error the Kubernetes API server reports (its <c>field.ErrorType</c>).</summary>
public enum SchemaViolationType
{
    NotFound,
    Required,
    Duplicate,
    Invalid,
    NotSupported,
    Forbidden,
    TooLong,
    TooMany,
    Internal,
    TypeInvalid,
}

/// <summary>
/// One way a value breaks its schema. <see cref="Path"/> uses the <see cref="Yaml.FieldPath"/> format;
/// <see cref="Message"/> is worded like the API server's, e.g.
/// <c>Invalid value: -1: spec.replicas in body should be greater than or equal to 0</c>.
/// </summary>
public sealed record SchemaViolation(string Path, SchemaViolationType Type, string Message)
{
    /// <summary>The whole error as the API server prints it: <c>spec.replicas: Invalid value: -1: …</c>.</summary>
    public override string ToString() => $"{(Path.Length == 0 ? "<root>" : Path)}: {Message}";
}
