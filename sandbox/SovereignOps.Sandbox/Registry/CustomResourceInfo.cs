using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SovereignOps.Sandbox.Registry;

/// <summary>What a CustomResourceDefinition says about one served version of its resource.</summary>
public sealed record CustomResourceInfo
{
    /// <summary>The CRD's name (<c>plural.group</c>), so the resource can be traced back to it.</summary>
    public required string CrdName { get; init; }

    /// <summary>The version's openAPIV3Schema, or null when the version declares none.</summary>
    public JsonObject? Schema { get; init; }

    public ImmutableArray<PrinterColumn> PrinterColumns { get; init; } = [];
}

/// <summary>An additionalPrinterColumns entry: a column kubectl shows, read from the object by JSONPath.</summary>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description, int Priority, string Format);
