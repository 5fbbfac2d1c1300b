using SovereignOps.Rendering.Manifests;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>Every object the operator applies for one profile, in apply order, checked by the guard.</summary>
public sealed record ProfileManifest(string Profile, RenderedManifest Objects);
