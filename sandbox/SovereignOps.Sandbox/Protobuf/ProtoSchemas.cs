namespace SovereignOps.Sandbox.Protobuf;

/// <summary>
/// The protobuf shapes of the kinds clients send as protobuf to this server: the ones helm stores releases
/// in (Secret, ConfigMap) and the one <c>kubectl create namespace</c> sends, with the metadata they carry.
/// Field numbers follow the Kubernetes generated.proto definitions of these types.
/// </summary>
public static class ProtoSchemas
{
    private static readonly ProtoMessage OwnerReference = new("OwnerReference", new Dictionary<int, ProtoField>
    {
        [1] = new("kind", ProtoFieldKind.String),
        [3] = new("name", ProtoFieldKind.String),
        [4] = new("uid", ProtoFieldKind.String),
        [5] = new("apiVersion", ProtoFieldKind.String),
        [6] = new("controller", ProtoFieldKind.Bool),
        [7] = new("blockOwnerDeletion", ProtoFieldKind.Bool),
    });

    private static readonly ProtoMessage ManagedFieldsEntry = new("ManagedFieldsEntry", new Dictionary<int, ProtoField>
    {
        [1] = new("manager", ProtoFieldKind.String),
        [2] = new("operation", ProtoFieldKind.String),
        [3] = new("apiVersion", ProtoFieldKind.String),
        [4] = new("time", ProtoFieldKind.Time),
        [6] = new("fieldsType", ProtoFieldKind.String),
        [7] = new("fieldsV1", ProtoFieldKind.RawJson),
        [8] = new("subresource", ProtoFieldKind.String),
    });

    public static readonly ProtoMessage ObjectMeta = new("ObjectMeta", new Dictionary<int, ProtoField>
    {
        [1] = new("name", ProtoFieldKind.String),
        [2] = new("generateName", ProtoFieldKind.String),
        [3] = new("namespace", ProtoFieldKind.String),
        [4] = new("selfLink", ProtoFieldKind.String),
        [5] = new("uid", ProtoFieldKind.String),
        [6] = new("resourceVersion", ProtoFieldKind.String),
        [7] = new("generation", ProtoFieldKind.Int64),
        [8] = new("creationTimestamp", ProtoFieldKind.Time),
        [9] = new("deletionTimestamp", ProtoFieldKind.Time),
        [10] = new("deletionGracePeriodSeconds", ProtoFieldKind.Int64),
        [11] = new("labels", ProtoFieldKind.StringMap),
        [12] = new("annotations", ProtoFieldKind.StringMap),
        [13] = new("ownerReferences", ProtoFieldKind.Message, Repeated: true, OwnerReference),
        [14] = new("finalizers", ProtoFieldKind.String, Repeated: true),
        [17] = new("managedFields", ProtoFieldKind.Message, Repeated: true, ManagedFieldsEntry),
    });

    private static readonly ProtoMessage Secret = new("Secret", new Dictionary<int, ProtoField>
    {
        [1] = new("metadata", ProtoFieldKind.Message, Message: ObjectMeta),
        [2] = new("data", ProtoFieldKind.BytesMap),
        [3] = new("type", ProtoFieldKind.String),
        [4] = new("stringData", ProtoFieldKind.StringMap),
        [5] = new("immutable", ProtoFieldKind.Bool),
    });

    private static readonly ProtoMessage ConfigMap = new("ConfigMap", new Dictionary<int, ProtoField>
    {
        [1] = new("metadata", ProtoFieldKind.Message, Message: ObjectMeta),
        [2] = new("data", ProtoFieldKind.StringMap),
        [3] = new("binaryData", ProtoFieldKind.BytesMap),
        [4] = new("immutable", ProtoFieldKind.Bool),
    });

    private static readonly ProtoMessage Condition = new("NamespaceCondition", new Dictionary<int, ProtoField>
    {
        [1] = new("type", ProtoFieldKind.String),
        [2] = new("status", ProtoFieldKind.String),
        [4] = new("lastTransitionTime", ProtoFieldKind.Time),
        [5] = new("reason", ProtoFieldKind.String),
        [6] = new("message", ProtoFieldKind.String),
    });

    private static readonly ProtoMessage Namespace = new("Namespace", new Dictionary<int, ProtoField>
    {
        [1] = new("metadata", ProtoFieldKind.Message, Message: ObjectMeta),
        [2] = new("spec", ProtoFieldKind.Message, Message: new ProtoMessage("NamespaceSpec", new Dictionary<int, ProtoField>
        {
            [1] = new("finalizers", ProtoFieldKind.String, Repeated: true),
        })),
        [3] = new("status", ProtoFieldKind.Message, Message: new ProtoMessage("NamespaceStatus", new Dictionary<int, ProtoField>
        {
            [1] = new("phase", ProtoFieldKind.String),
            [2] = new("conditions", ProtoFieldKind.Message, Repeated: true, Condition),
        })),
    });

    private static readonly ProtoMessage DeleteOptions = new("DeleteOptions", new Dictionary<int, ProtoField>
    {
        [1] = new("gracePeriodSeconds", ProtoFieldKind.Int64),
        [2] = new("preconditions", ProtoFieldKind.Message, Message: new ProtoMessage("Preconditions", new Dictionary<int, ProtoField>
        {
            [1] = new("uid", ProtoFieldKind.String),
            [2] = new("resourceVersion", ProtoFieldKind.String),
        })),
        [3] = new("orphanDependents", ProtoFieldKind.Bool),
        [4] = new("propagationPolicy", ProtoFieldKind.String),
        [5] = new("dryRun", ProtoFieldKind.String, Repeated: true),
        [6] = new("ignoreStoreReadErrorWithClusterBreakingPotential", ProtoFieldKind.Bool),
    });

    /// <summary>The message shape of a v1 kind, or null when the sandbox does not read that kind as protobuf.</summary>
    public static ProtoMessage? ForKind(string apiVersion, string kind) => (apiVersion, kind) switch
    {
        ("v1", "Secret") => Secret,
        ("v1", "ConfigMap") => ConfigMap,
        ("v1", "Namespace") => Namespace,
        ("v1" or "meta.k8s.io/v1", "DeleteOptions") => DeleteOptions,
        _ => null,
    };

    /// <summary>runtime.Unknown, the envelope every protobuf body comes in.</summary>
    internal static readonly ProtoMessage TypeMeta = new("TypeMeta", new Dictionary<int, ProtoField>
    {
        [1] = new("apiVersion", ProtoFieldKind.String),
        [2] = new("kind", ProtoFieldKind.String),
    });
}
