namespace SovereignOps.Rendering.Values;

/// <summary>
/// A container image that is already in the in-country mirror. The chart renders
/// <c>repository[:tag][@digest]</c>; at least one of tag and digest is set.
/// </summary>
public sealed record ImageValues
{
    public required string Repository { get; init; }

    public string Tag { get; init; } = string.Empty;

    /// <summary><c>sha256:…</c>; pins the image when set.</summary>
    public string Digest { get; init; } = string.Empty;
}
