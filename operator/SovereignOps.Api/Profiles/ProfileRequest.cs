namespace SovereignOps.Api.Profiles;

/// <summary>What <c>sovereignctl profile init</c> was asked for; everything optional has a sensible default.</summary>
public sealed record ProfileRequest
{
    /// <summary>Preset code: TH, SA, KR, EU or AE (any case).</summary>
    public required string Country { get; init; }

    /// <summary>The government customer's name, e.g. Ministry of Digital Economy and Society.</summary>
    public required string Customer { get; init; }

    /// <summary>Tenant namespace; defaults to the profile name, e.g. <c>th-mdes</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary>Registry mirror host; defaults to <c>registry.&lt;customer&gt;.&lt;government domain&gt;</c>.</summary>
    public string? Mirror { get; init; }

    /// <summary>GPU pools; one pool of 16 H100-80GB in the preset's first region when empty.</summary>
    public IReadOnlyList<GpuRequest> Gpus { get; init; } = [];

    /// <summary>Models; one text model sized to the first pool when empty.</summary>
    public IReadOnlyList<ModelRequest> Models { get; init; } = [];
}
