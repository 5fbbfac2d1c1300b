using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Tables;

/// <summary>What a table row carries besides its cells (the includeObject parameter).</summary>
public enum TableRowObject
{
    None,
    Metadata,
    Object,
}

/// <summary>
/// Renders objects as a meta.k8s.io Table, the form kubectl asks for to print <c>get</c> output:
/// built-in kinds use their printers, custom resources their CRD's additionalPrinterColumns.
/// </summary>
public sealed class TableConverter(TimeProvider clock)
{
    public JsonObject Convert(ResourceType type, IEnumerable<StoredObject> items, TableRowObject include, string tableApiVersion, ListMetadata? list, bool withColumns = true)
    {
        var printer = PrinterFor(type);
        var now = clock.GetUtcNow();
        var rows = new JsonArray();
        foreach (var item in items)
        {
            var obj = item.ToJsonObject();
            var row = new JsonObject { ["cells"] = new JsonArray(printer.Cells(obj, now)) };
            switch (include)
            {
                case TableRowObject.Object:
                    row["object"] = obj;
                    break;
                case TableRowObject.Metadata:
                    row["object"] = new JsonObject
                    {
                        ["kind"] = "PartialObjectMetadata",
                        ["apiVersion"] = "meta.k8s.io/v1",
                        ["metadata"] = obj.Metadata().DeepClone(),
                    };
                    break;
                default:
                    break;
            }

            rows.Add(row);
        }

        var metadata = new JsonObject();
        if (list is not null)
        {
            metadata["resourceVersion"] = list.ResourceVersion.ToString(CultureInfo.InvariantCulture);
            if (list.Continue is not null)
            {
                metadata["continue"] = list.Continue;
            }
        }

        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = tableApiVersion,
            ["metadata"] = metadata,
        };
        if (withColumns)
        {
            table["columnDefinitions"] = new JsonArray([.. printer.Columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["format"] = c.Format,
                ["description"] = c.Description,
                ["priority"] = c.Priority,
            })]);
        }

        table["rows"] = rows;
        return table;
    }

    public static TablePrinter PrinterFor(ResourceType type)
    {
        if (type.Custom is { } custom)
        {
            return CustomPrinter(custom.PrinterColumns);
        }

        return BuiltInPrinters.For(type.Group, type.Plural) ?? BuiltInPrinters.Default;
    }

    private static TablePrinter CustomPrinter(ImmutableArray<PrinterColumn> columns)
    {
        if (columns.IsEmpty)
        {
            return BuiltInPrinters.Default;
        }

        var definitions = columns.Select(c => new TableColumn(c.Name, c.Type, c.Description, c.Priority, c.Format)).ToList();
        var hasAge = columns.Any(c => c.JsonPath == ".metadata.creationTimestamp");
        TableColumn[] head = [new TableColumn("Name", "string", "Name must be unique within a namespace.", 0, "name")];
        TableColumn[] tail = hasAge ? [] : [new TableColumn("Age", "date", "The time since the object was created.")];
        return new TablePrinter(
            [.. head, .. definitions, .. tail],
            (o, now) =>
            {
                var cells = new List<JsonNode?> { o.Metadata().GetString("name") };
                cells.AddRange(columns.Select(c => Cell(o, c, now)));
                if (!hasAge)
                {
                    cells.Add(o.Metadata().GetString("creationTimestamp") is { } created ? BuiltInPrinters.Since(created, now) : null);
                }

                return [.. cells];
            });
    }

    private static JsonNode? Cell(JsonObject obj, PrinterColumn column, DateTimeOffset now)
    {
        var values = JsonPathQuery.Evaluate(obj, column.JsonPath).Where(v => v is not null).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        if (column.Type == "date")
        {
            var text = JsonPathQuery.Render(values);
            return BuiltInPrinters.Since(text, now);
        }

        if (values.Count == 1 && column.Type is "integer" or "number" or "boolean")
        {
            return values[0]!.DeepClone();
        }

        return JsonPathQuery.Render(values);
    }
}

/// <summary>The list metadata a table carries.</summary>
public sealed record ListMetadata(long ResourceVersion, string? Continue);
