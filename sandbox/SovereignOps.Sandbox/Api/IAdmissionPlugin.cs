using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Api;

public enum AdmissionOperation
{
    Create,
    Update,
}

/// <summary>A would-be object on its way to storage, after the generic rules and before managed fields.</summary>
public sealed record AdmissionRequest(
    ResourceType Type,
    AdmissionOperation Operation,
    Subresource Subresource,
    JsonObject Object,
    JsonObject? OldObject,
    FieldValidation FieldValidation);

/// <summary>
/// A kind-specific step every write passes (HTTP and in-process alike): it may default or prune the
/// object in place, refuse it with an <see cref="ApiError"/>, or attach warnings.
/// </summary>
public interface IAdmissionPlugin
{
    ApiResult<JsonObject> Admit(AdmissionRequest request);
}
