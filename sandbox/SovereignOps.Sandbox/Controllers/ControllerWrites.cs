using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;
using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Controllers;

/// <summary>
/// Read-modify-write for in-process controllers: re-reads and retries when someone else wrote in between
/// (409), so a controller's change is never lost to a concurrent client update.
/// </summary>
internal static class ControllerWrites
{
    private const int Attempts = 8;

    /// <summary>
    /// Applies <paramref name="change"/> to the current object and writes it; the change returns false when
    /// there is nothing (left) to do. Null when the object is gone or the change was not needed.
    /// </summary>
    public static ApiResult<StoredObject>? Update(
        ResourceApi api, ResourceType type, string ns, string name, string manager, Func<JsonObject, bool> change, Subresource subresource = Subresource.Main)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = api.Store.Get(type.GroupResource, ns, name);
            if (current is null)
            {
                return null;
            }

            var obj = current.ToJsonObject();
            if (!change(obj))
            {
                return null;
            }

            var written = api.Update(type, ns, name, obj, new WriteOptions { FieldManager = manager }, subresource);
            if (written.Error is not { Code: 409 })
            {
                return written;
            }
        }

        return ApiError.Conflict(type.GroupResource, name, "the object kept changing while a controller updated it");
    }
}
