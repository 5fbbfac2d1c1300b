using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SovereignOps.Sandbox.Tables;

/// <summary>A meta.k8s.io TableColumnDefinition. Priority 0 is shown by default, higher only with -o wide.</summary>
public sealed record TableColumn(string Name, string Type, string Description, int Priority = 0, string Format = "");

/// <summary>The columns of one kind and how to compute a row's cells from an object.</summary>
public sealed record TablePrinter(ImmutableArray<TableColumn> Columns, Func<JsonObject, DateTimeOffset, JsonNode?[]> Cells);
