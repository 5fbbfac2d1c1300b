using System.Diagnostics.CodeAnalysis;
using SovereignOps.Rendering.Manifests;

namespace SovereignOps.Rendering;

/// <summary>The objects a render produced, or the reason it produced none. Never both.</summary>
public sealed class RenderResult
{
    private RenderResult(RenderedManifest? manifest, RenderError? error, bool fromCache)
    {
        Manifest = manifest;
        Error = error;
        FromCache = fromCache;
    }

    public RenderedManifest? Manifest { get; }

    public RenderError? Error { get; }

    [MemberNotNullWhen(true, nameof(Manifest))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Manifest is not null;

    /// <summary>Whether the objects came from the render cache rather than a helm process.</summary>
    public bool FromCache { get; }

    public static RenderResult Success(RenderedManifest manifest) => new(manifest, null, fromCache: false);

    public static RenderResult Failure(RenderError error) => new(null, error, fromCache: false);

    internal RenderResult AsCacheHit() => new(Manifest, Error, fromCache: true);

    public override string ToString() => IsSuccess ? $"{Manifest.Count} objects" : Error.Message;
}
