namespace SovereignOps.Sandbox.Patching;

public enum PatchType
{
    /// <summary>RFC 6902, application/json-patch+json.</summary>
    Json,

    /// <summary>RFC 7386, application/merge-patch+json.</summary>
    Merge,

    /// <summary>Kubernetes strategic merge patch, application/strategic-merge-patch+json (built-in kinds only).</summary>
    StrategicMerge,

    /// <summary>Server-side apply, application/apply-patch+yaml.</summary>
    Apply,
}

public static class PatchTypes
{
    public static PatchType? FromContentType(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "application/json-patch+json" => PatchType.Json,
            "application/merge-patch+json" => PatchType.Merge,
            "application/strategic-merge-patch+json" => PatchType.StrategicMerge,
            "application/apply-patch+yaml" or "application/apply-patch+json" or "application/apply-patch+cbor" => PatchType.Apply,
            _ => null,
        };
    }
}
