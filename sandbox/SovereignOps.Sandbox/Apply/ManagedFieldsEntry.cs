using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Apply;

/// <summary>One metadata.managedFields entry: who set which fields, by apply or by update.</summary>
internal sealed class ManagedFieldsEntry
{
    public required string Manager { get; init; }

    /// <summary>"Apply" or "Update".</summary>
    public required string Operation { get; init; }

    public required string ApiVersion { get; set; }

    public string? Time { get; set; }

    public string? Subresource { get; init; }

    public required FieldSet Fields { get; set; }

    public bool IsApply => Operation == "Apply";

    public bool Matches(string manager, string operation, string? subresource) =>
        Manager == manager && Operation == operation && Subresource == subresource;

    public static List<ManagedFieldsEntry> Read(JsonObject obj)
    {
        if (obj.Metadata()["managedFields"] is not JsonArray entries)
        {
            return [];
        }

        var result = new List<ManagedFieldsEntry>();
        foreach (var entry in entries.OfType<JsonObject>())
        {
            if (entry.GetString("manager") is not { } manager)
            {
                continue;
            }

            result.Add(new ManagedFieldsEntry
            {
                Manager = manager,
                Operation = entry.GetString("operation") ?? "Update",
                ApiVersion = entry.GetString("apiVersion") ?? "",
                Time = entry.GetString("time"),
                Subresource = entry.GetString("subresource"),
                Fields = FieldSet.FromFieldsV1(entry["fieldsV1"] as JsonObject),
            });
        }

        return result;
    }

    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        var array = new JsonArray();
        foreach (var entry in entries.Where(e => !e.Fields.IsEmpty))
        {
            var json = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
            };
            if (entry.Time is not null)
            {
                json["time"] = entry.Time;
            }

            json["fieldsType"] = "FieldsV1";
            json["fieldsV1"] = entry.Fields.ToFieldsV1();
            if (entry.Subresource is not null)
            {
                json["subresource"] = entry.Subresource;
            }

            array.Add(json);
        }

        if (array.Count == 0)
        {
            obj.Metadata().Remove("managedFields");
        }
        else
        {
            obj.Metadata()["managedFields"] = array;
        }
    }
}
