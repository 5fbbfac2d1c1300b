using System.Text.Json.Nodes;

namespace SovereignOps.Sandbox.Patching;

/// <summary>RFC 7386 JSON merge patch: objects merge recursively, null removes, everything else replaces.</summary>
public static class MergePatch
{
    public static JsonObject Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchChild)
            {
                if (target[key] is JsonObject targetChild)
                {
                    Apply(targetChild, patchChild);
                }
                else
                {
                    target[key] = Apply(new JsonObject(), patchChild);
                }
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }

        return target;
    }
}
