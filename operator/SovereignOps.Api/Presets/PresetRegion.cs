namespace SovereignOps.Api.Presets;

/// <summary>
/// An in-country region as it appears on node labels (<c>topology.kubernetes.io/region</c>), with its zones
/// (<c>topology.kubernetes.io/zone</c>) and the city it is usually built in.
/// </summary>
public sealed record PresetRegion(string Name, string City, IReadOnlyList<string> Zones);
