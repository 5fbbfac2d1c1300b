namespace SovereignOps.Runtime.Client;

/// <summary>The PATCH flavours the runtime sends, with their content types.</summary>
public enum PatchType
{
    /// <summary>Server-side apply: the body is the full intent of one field manager.</summary>
    Apply,

    /// <summary>RFC 7386 merge patch; a <c>metadata.resourceVersion</c> in the body acts as a precondition.</summary>
    Merge,

    /// <summary>RFC 6902 JSON patch, with <c>test</c> operations as preconditions.</summary>
    Json,
}

internal static class PatchTypeExtensions
{
    public static string ContentType(this PatchType type) => type switch
    {
        PatchType.Apply => "application/apply-patch+yaml",
        PatchType.Merge => "application/merge-patch+json",
        PatchType.Json => "application/json-patch+json",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
