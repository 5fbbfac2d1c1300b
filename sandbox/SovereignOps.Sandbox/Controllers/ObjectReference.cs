using SovereignOps.Sandbox.Registry;
using SovereignOps.Sandbox.Storage;

namespace SovereignOps.Sandbox.Controllers;

/// <summary>Where a stored object lives: its group-resource, namespace and name.</summary>
internal readonly record struct ObjectReference(GroupResource Resource, string Namespace, string Name)
{
    public static ObjectReference Of(StoredObject obj) => new(obj.Resource, obj.Namespace, obj.Name);
}
