using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Apply;

/// <summary>
/// Field ownership (metadata.managedFields) and server-side apply. Updates hand the fields they change
/// to their manager; apply merges a manager's configuration into the live object, refuses to change
/// fields another manager owns unless forced, and removes fields the manager stopped applying when no
/// one else owns them.
/// </summary>
internal sealed class FieldManager(TimeProvider clock)
{
    public void RecordCreate(ResourceType type, JsonObject obj, string manager)
    {
        var fields = FieldSetBuilder.Build(type, obj, Subresource.Main);
        ManagedFieldsEntry.Write(obj, [NewEntry(type, manager, "Update", null, fields)]);
    }

    public void RecordApplyCreate(ResourceType type, JsonObject obj, JsonObject applied, string manager)
    {
        var fields = FieldSetBuilder.Build(type, StripForSubresource(type, applied, Subresource.Main), Subresource.Main);
        ManagedFieldsEntry.Write(obj, [NewEntry(type, manager, "Apply", null, fields)]);
    }

    public void RecordUpdate(ResourceType type, JsonObject old, JsonObject next, string manager, Subresource subresource)
    {
        // A client may rewrite managedFields itself (kubectl does when moving from client-side to server-side
        // apply); what it sends then becomes the ownership record. An unchanged or absent list keeps the old one.
        var sent = next.Metadata()["managedFields"];
        var entries = RequestedReset(next) ? []
            : sent is JsonArray && !JsonNode.DeepEquals(sent, old.Metadata()["managedFields"]) ? ManagedFieldsEntry.Read(next)
            : ManagedFieldsEntry.Read(old);
        var before = FieldSetBuilder.Build(type, old, subresource);
        var after = FieldSetBuilder.Build(type, next, subresource);
        var changed = new List<FieldPath>();
        foreach (var path in after.Members())
        {
            if (!before.Contains(path) || !SameValue(old, next, path))
            {
                changed.Add(path);
            }
        }

        var removed = before.Members().Where(p => !after.Contains(p)).ToList();
        if (changed.Count > 0 || removed.Count > 0)
        {
            var subresourceName = SubresourceName(subresource);
            var own = entries.FirstOrDefault(e => e.Matches(manager, "Update", subresourceName));
            foreach (var entry in entries)
            {
                foreach (var path in changed.Concat(removed))
                {
                    entry.Fields.Remove(path);
                }
            }

            if (own is null && changed.Count > 0)
            {
                own = NewEntry(type, manager, "Update", subresourceName, new FieldSet());
                entries.Add(own);
            }

            if (own is not null)
            {
                foreach (var path in changed)
                {
                    own.Fields.Add(path);
                }

                own.Time = SandboxJson.Timestamp(clock.GetUtcNow());
                own.ApiVersion = type.ApiVersion;
            }
        }

        ManagedFieldsEntry.Write(next, entries);
    }

    /// <summary>Server-side apply of <paramref name="applied"/> onto <paramref name="live"/> (which is not modified).</summary>
    public ApiResult<JsonObject> Apply(ResourceType type, JsonObject live, JsonObject applied, string manager, bool force, Subresource subresource)
    {
        var subresourceName = SubresourceName(subresource);
        var configuration = StripForSubresource(type, applied, subresource);
        var appliedSet = FieldSetBuilder.Build(type, configuration, subresource);
        var entries = ManagedFieldsEntry.Read(live);
        var own = entries.FirstOrDefault(e => e.Matches(manager, "Apply", subresourceName));
        var schema = ListSchemas.For(type);

        var conflicts = FindConflicts(entries, manager, appliedSet, live, configuration);
        if (conflicts.Count > 0 && !force && !ClientSideApplyUpgrade.Forgives(type, live, manager, conflicts.Select(c => c.Path), subresource))
        {
            return ConflictError(type, conflicts);
        }

        foreach (var (entry, path) in conflicts)
        {
            entry.Fields.Remove(path);
        }

        var merged = (JsonObject)live.DeepClone();
        ApplyMerge.Merge(merged, configuration, [], schema);

        if (own is not null)
        {
            var dropped = own.Fields.Members().Where(p => !appliedSet.Contains(p)).Reverse().ToList();
            foreach (var path in dropped)
            {
                var ownedElsewhere = entries.Any(e => !ReferenceEquals(e, own) && e.Fields.ContainsAtOrBelow(path));
                if (!ownedElsewhere && !appliedSet.ContainsAtOrBelow(path))
                {
                    FieldPath.Remove(merged, path);
                    RemoveEmptiedParents(merged, path, appliedSet, entries, own);
                }
            }
        }

        if (own is null)
        {
            own = NewEntry(type, manager, "Apply", subresourceName, appliedSet);
            entries.Add(own);
        }
        else if (!own.Fields.SetEquals(appliedSet) || own.ApiVersion != type.ApiVersion)
        {
            own.Fields = appliedSet;
            own.ApiVersion = type.ApiVersion;
            own.Time = SandboxJson.Timestamp(clock.GetUtcNow());
        }

        ManagedFieldsEntry.Write(merged, entries);
        return merged;
    }

    private static List<(ManagedFieldsEntry Entry, FieldPath Path)> FindConflicts(
        List<ManagedFieldsEntry> entries, string manager, FieldSet appliedSet, JsonObject live, JsonObject configuration)
    {
        var conflicts = new List<(ManagedFieldsEntry, FieldPath)>();
        var appliedMembers = appliedSet.Members();
        foreach (var entry in entries.Where(e => e.Manager != manager))
        {
            foreach (var path in appliedMembers)
            {
                if (entry.Fields.Contains(path) && IsLeaf(appliedSet, path) && !SameValue(live, configuration, path))
                {
                    conflicts.Add((entry, path));
                }
            }
        }

        return conflicts;
    }

    private static ApiError ConflictError(ResourceType type, List<(ManagedFieldsEntry Entry, FieldPath Path)> conflicts)
    {
        var causes = conflicts
            .Select(c => new StatusCause("FieldManagerConflict", $"conflict with \"{c.Entry.Manager}\" using {c.Entry.ApiVersion}", c.Path.ToString()))
            .ToImmutableArray();
        string message;
        if (conflicts.Count == 1)
        {
            message = $"Apply failed with 1 conflict: conflict with \"{conflicts[0].Entry.Manager}\" using {conflicts[0].Entry.ApiVersion}: {conflicts[0].Path}";
        }
        else
        {
            var lines = conflicts.GroupBy(c => (c.Entry.Manager, c.Entry.ApiVersion))
                .Select(g => $"conflicts with \"{g.Key.Manager}\" using {g.Key.ApiVersion}:\n" + string.Join("\n", g.Select(c => $"- {c.Path}")));
            message = $"Apply failed with {conflicts.Count} conflicts: " + string.Join("\n", lines);
        }

        return new ApiError(409, "Conflict", message) { Causes = causes, Group = type.Group, Kind = type.Kind };
    }

    /// <summary>After removing a dropped field, also remove maps and lists it leaves empty that nobody wants.</summary>
    private static void RemoveEmptiedParents(JsonObject merged, FieldPath path, FieldSet appliedSet, List<ManagedFieldsEntry> entries, ManagedFieldsEntry own)
    {
        var parent = path.Parent;
        while (parent.Count > 0
            && FieldPath.TryFind(merged, parent, out var node)
            && node is JsonObject { Count: 0 } or JsonArray { Count: 0 }
            && !appliedSet.ContainsAtOrBelow(parent)
            && !entries.Any(e => !ReferenceEquals(e, own) && e.Fields.ContainsAtOrBelow(parent)))
        {
            FieldPath.Remove(merged, parent);
            parent = parent.Parent;
        }
    }

    private static bool IsLeaf(FieldSet set, FieldPath path)
    {
        var node = set;
        foreach (var element in path)
        {
            node = node.Children[element];
        }

        return node.Children.Count == 0;
    }

    private static bool SameValue(JsonObject a, JsonObject b, FieldPath path)
    {
        var foundA = FieldPath.TryFind(a, path, out var valueA);
        var foundB = FieldPath.TryFind(b, path, out var valueB);
        return foundA == foundB && (!foundA || JsonNode.DeepEquals(valueA, valueB));
    }

    /// <summary>A client resets ownership by sending managedFields as a list with one empty entry.</summary>
    private static bool RequestedReset(JsonObject next) =>
        next.Metadata()["managedFields"] is JsonArray { Count: 1 } list && list[0] is JsonObject { Count: 0 };

    private static JsonObject StripForSubresource(ResourceType type, JsonObject applied, Subresource subresource)
    {
        if (subresource == Subresource.Status)
        {
            var statusOnly = new JsonObject
            {
                ["apiVersion"] = applied["apiVersion"]?.DeepClone(),
                ["kind"] = applied["kind"]?.DeepClone(),
                ["metadata"] = new JsonObject { ["name"] = applied.Metadata()["name"]?.DeepClone() },
            };
            if (applied["status"] is { } status)
            {
                statusOnly["status"] = status.DeepClone();
            }

            return statusOnly;
        }

        if (type.HasStatus && applied.ContainsKey("status"))
        {
            var withoutStatus = (JsonObject)applied.DeepClone();
            withoutStatus.Remove("status");
            return withoutStatus;
        }

        return applied;
    }

    private ManagedFieldsEntry NewEntry(ResourceType type, string manager, string operation, string? subresource, FieldSet fields) => new()
    {
        Manager = manager,
        Operation = operation,
        ApiVersion = type.ApiVersion,
        Time = SandboxJson.Timestamp(clock.GetUtcNow()),
        Subresource = subresource,
        Fields = fields,
    };

    private static string? SubresourceName(Subresource subresource) => subresource == Subresource.Status ? "status" : null;
}
