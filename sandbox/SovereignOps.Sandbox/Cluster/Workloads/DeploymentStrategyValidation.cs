using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Api;

namespace SovereignOps.Sandbox.Cluster.Workloads;

/// <summary>
/// The API server's check that a RollingUpdate Deployment can make progress: maxSurge and maxUnavailable may
/// not both be zero (the controller would then neither add a new pod nor remove an old one).
/// </summary>
internal sealed class DeploymentStrategyValidation : IAdmissionPlugin
{
    public ApiResult<JsonObject> Admit(AdmissionRequest request)
    {
        if (request.Type.Group != "apps" || request.Type.Kind != "Deployment" || request.Subresource != Subresource.Main
            || request.Object.At("spec.strategy") is not JsonObject strategy || strategy.GetString("type") != "RollingUpdate"
            || !RollingUpdateBounds.BothZero(strategy["rollingUpdate"] as JsonObject))
        {
            return request.Object;
        }

        var value = strategy.At("rollingUpdate.maxUnavailable")?.ToString() ?? "0";
        return ApiError.Invalid(request.Type, request.Object.Metadata().GetString("name") ?? "", [new StatusCause(
            "FieldValueInvalid", $"Invalid value: {FormatValue(value)}: may not be 0 when `maxSurge` is 0", "spec.strategy.rollingUpdate.maxUnavailable")]);
    }

    private static string FormatValue(string value) => value.EndsWith('%') ? $"\"{value}\"" : value;
}
