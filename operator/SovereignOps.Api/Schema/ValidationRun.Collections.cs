using System.Text.Json.Nodes;

namespace SovereignOps.Api.Schema;

/// <summary>Keywords on lists and objects, and the walk into their children.</summary>
internal sealed partial class ValidationRun
{
    private static readonly string[] EmbeddedResourceFields = ["apiVersion", "kind", "metadata"];

    private void CheckArray(SchemaNode schema, JsonArray array, in NodeUnderTest node)
    {
        if (schema.MaxItems is { } maxItems && array.Count > maxItems)
        {
            Report(SchemaViolationType.TooMany, ViolationText.WithValue(SchemaViolationType.TooMany, array.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must have at most {maxItems} items"), node);
        }

        if (schema.MinItems is { } minItems && array.Count < minItems)
        {
            Invalid(node, array.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"should have at least {minItems} items");
        }

        CheckListUniqueness(schema, array, node);

        if (schema.Items is not { } items)
        {
            return;
        }

        var oldByKey = OldValues.IndexListMap(schema, node.Old, node.HasOld);
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            JsonNode? oldItem = null;
            var hasOldItem = oldByKey is not null && item is JsonObject entry && oldByKey.TryGetValue(OldValues.ListMapKey(schema, entry), out oldItem);
            _path.PushIndex(i);
            ValidateNode(items, item, oldItem, hasOldItem);
            _path.Pop();
        }
    }

    /// <summary>Duplicates in <c>set</c> lists, <c>map</c> lists (by key fields) and <c>uniqueItems</c> lists, found with one hash set.</summary>
    private void CheckListUniqueness(SchemaNode schema, JsonArray array, in NodeUnderTest node)
    {
        var byMapKeys = schema.ListType == "map" && schema.ListMapKeys.Count > 0;
        if (!byMapKeys && schema.ListType != "set" && !schema.UniqueItems)
        {
            return;
        }

        var seen = new HashSet<string>(array.Count, StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            var key = byMapKeys && item is JsonObject entry ? OldValues.ListMapKey(schema, entry) : JsonCanonical.Of(item);
            if (seen.Add(key))
            {
                continue;
            }

            var shown = byMapKeys && item is JsonObject keyed ? KeyFields(schema, keyed) : item;
            var itemNode = new NodeUnderTest(item, null, HasOld: false);
            _path.PushIndex(i);
            Report(SchemaViolationType.Duplicate, ViolationText.WithValue(SchemaViolationType.Duplicate, ViolationText.Render(shown), null), itemNode);
            _path.Pop();
        }

        if (byMapKeys)
        {
            CheckListMapKeysPresent(schema, array, node);
        }
    }

    private void CheckListMapKeysPresent(SchemaNode schema, JsonArray array, in NodeUnderTest node)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject entry)
            {
                continue;
            }

            foreach (var key in schema.ListMapKeys)
            {
                var keySchema = schema.Items?.Properties?.GetValueOrDefault(key);
                if (!entry.ContainsKey(key) && keySchema?.HasDefault != true)
                {
                    _path.PushIndex(i);
                    _path.PushName(key);
                    Report(SchemaViolationType.Required, ViolationText.WithoutValue(SchemaViolationType.Required, "list-map key fields must be set"), node);
                    _path.Pop();
                    _path.Pop();
                }
            }
        }
    }

    private static JsonObject KeyFields(SchemaNode schema, JsonObject entry)
    {
        var key = new JsonObject();
        foreach (var name in schema.ListMapKeys)
        {
            key[name] = entry.TryGetPropertyValue(name, out var part) ? part?.DeepClone() : null;
        }

        return key;
    }

    private void CheckObject(SchemaNode schema, JsonObject value, in NodeUnderTest node)
    {
        if (schema.MaxProperties is { } maxProperties && value.Count > maxProperties)
        {
            Report(SchemaViolationType.TooMany, ViolationText.WithValue(SchemaViolationType.TooMany, value.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must have at most {maxProperties} items"), node);
        }

        if (schema.MinProperties is { } minProperties && value.Count < minProperties)
        {
            Invalid(node, value.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"should have at least {minProperties} properties");
        }

        foreach (var required in schema.Required)
        {
            if (!value.ContainsKey(required))
            {
                _path.PushName(required);
                Report(SchemaViolationType.Required, ViolationText.WithoutValue(SchemaViolationType.Required, null), node);
                _path.Pop();
            }
        }

        if (schema.EmbeddedResource)
        {
            CheckEmbeddedResource(value, node);
        }

        foreach (var (name, child) in value)
        {
            var childSchema = schema.PropertyOrAdditional(name);
            if (childSchema is null)
            {
                if (schema.AdditionalPropertiesForbidden && !(schema.EmbeddedResource && EmbeddedResourceFields.Contains(name)))
                {
                    _path.PushName(name);
                    Invalid(new NodeUnderTest(child, null, false), ViolationText.Quote(name), "is a forbidden property");
                    _path.Pop();
                }

                continue;
            }

            var (oldChild, hasOldChild) = OldValues.Property(node.Old, node.HasOld, name);
            _path.PushName(name);
            ValidateNode(childSchema, child, oldChild, hasOldChild);
            _path.Pop();
        }
    }

    /// <summary>An embedded object must say what it is: apiVersion and kind set, metadata an object.</summary>
    private void CheckEmbeddedResource(JsonObject value, in NodeUnderTest node)
    {
        foreach (var field in (string[])["apiVersion", "kind"])
        {
            if (!JsonKinds.IsString(value[field], out var text) || text.Length == 0)
            {
                _path.PushName(field);
                Report(SchemaViolationType.Required, ViolationText.WithoutValue(SchemaViolationType.Required, "must not be empty"), node);
                _path.Pop();
            }
        }

        if (value.TryGetPropertyValue("metadata", out var metadata) && metadata is not null and not JsonObject)
        {
            _path.PushName("metadata");
            Invalid(node, ViolationText.Render(metadata), "must be of type object: \"" + JsonKinds.TypeName(metadata) + "\"");
            _path.Pop();
        }
    }

    private void CheckJunctors(SchemaNode schema, JsonNode? value, in NodeUnderTest node)
    {
        foreach (var branch in schema.AllOf)
        {
            ValidateNode(branch, value, node.Old, node.HasOld);
        }

        if (schema.AnyOf.Count > 0)
        {
            var (valid, best) = TryBranches(schema.AnyOf, value, node);
            if (valid == 0)
            {
                Invalid(node, ViolationText.Render(value), "must validate at least one schema (anyOf)");
                _violations.AddRange(best);
            }
        }

        if (schema.OneOf.Count > 0)
        {
            var (valid, best) = TryBranches(schema.OneOf, value, node);
            if (valid == 0)
            {
                Invalid(node, ViolationText.Render(value), "must validate one and only one schema (oneOf). Found none valid");
                _violations.AddRange(best);
            }
            else if (valid > 1)
            {
                Invalid(node, ViolationText.Render(value), $"must validate one and only one schema (oneOf). Found {valid} valid alternatives");
            }
        }

        if (schema.Not is { } not)
        {
            var (valid, _) = TryBranches([not], value, node);
            if (valid == 1)
            {
                Invalid(node, ViolationText.Render(value), "must not validate the schema (not)");
            }
        }
    }

    /// <summary>Validates each branch on its own; returns how many passed and the violations of the closest failing one.</summary>
    private (int Valid, List<SchemaViolation> BestFailure) TryBranches(IReadOnlyList<SchemaNode> branches, JsonNode? value, in NodeUnderTest node)
    {
        var outer = _violations;
        var valid = 0;
        List<SchemaViolation>? best = null;
        var depth = _path.Depth;
        foreach (var branch in branches)
        {
            _violations = [];
            ValidateNode(branch, value, node.Old, node.HasOld);
            _path.TruncateTo(depth);
            if (_violations.Count == 0)
            {
                valid++;
            }
            else if (best is null || _violations.Count < best.Count)
            {
                best = _violations;
            }
        }

        _violations = outer;
        return (valid, best ?? []);
    }
}
