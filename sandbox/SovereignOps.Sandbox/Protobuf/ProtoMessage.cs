using System.Collections.Frozen;

namespace SovereignOps.Sandbox.Protobuf;

public enum ProtoFieldKind
{
    String,
    Bytes,
    Int64,
    Bool,
    Message,
    StringMap,
    BytesMap,

    /// <summary>metav1.Time: a message of seconds and nanos, written to JSON as an RFC 3339 string.</summary>
    Time,

    /// <summary>metav1.FieldsV1: a message whose raw bytes hold JSON.</summary>
    RawJson,
}

/// <summary>One field of a protobuf message: its JSON name, wire meaning and, for messages, their shape.</summary>
public sealed record ProtoField(string JsonName, ProtoFieldKind Kind, bool Repeated = false, ProtoMessage? Message = null);

/// <summary>The shape of one Kubernetes protobuf message: field numbers to JSON fields.</summary>
public sealed class ProtoMessage(string name, IDictionary<int, ProtoField> fields)
{
    public string Name { get; } = name;

    public FrozenDictionary<int, ProtoField> Fields { get; } = fields.ToFrozenDictionary();
}
