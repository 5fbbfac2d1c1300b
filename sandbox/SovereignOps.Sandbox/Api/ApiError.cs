using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SovereignOps.Sandbox.Registry;

namespace SovereignOps.Sandbox.Api;

/// <summary>A field-level reason a request was refused (metav1.StatusCause).</summary>
public sealed record StatusCause(string Reason, string Message, string Field);

/// <summary>
/// An expected failure of an API request, rendered as a metav1.Status with the code and reason that
/// clients branch on (kubectl's messages, client-go's IsNotFound/IsConflict, KubernetesClient's
/// HttpOperationException all read these).
/// </summary>
public sealed record ApiError(int Code, string Reason, string Message)
{
    public string? Name { get; init; }

    public string? Group { get; init; }

    public string? Kind { get; init; }

    public ImmutableArray<StatusCause> Causes { get; init; } = [];

    public int? RetryAfterSeconds { get; init; }

    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        var details = new JsonObject();
        if (Name is not null)
        {
            details["name"] = Name;
        }

        if (Group is { Length: > 0 })
        {
            details["group"] = Group;
        }

        if (Kind is not null)
        {
            details["kind"] = Kind;
        }

        if (!Causes.IsEmpty)
        {
            details["causes"] = new JsonArray([.. Causes.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = c.Reason,
                ["message"] = c.Message,
                ["field"] = c.Field,
            })]);
        }

        if (RetryAfterSeconds is { } retry)
        {
            details["retryAfterSeconds"] = retry;
        }

        if (details.Count > 0)
        {
            status["details"] = details;
        }

        status["code"] = Code;
        return status;
    }

    public override string ToString() => $"{Code} {Reason}: {Message}";

    public static ApiError NotFound(GroupResource resource, string name) =>
        new(404, "NotFound", $"{resource} \"{name}\" not found") { Name = name, Group = resource.Group, Kind = resource.Resource };

    public static ApiError AlreadyExists(GroupResource resource, string name) =>
        new(409, "AlreadyExists", $"{resource} \"{name}\" already exists") { Name = name, Group = resource.Group, Kind = resource.Resource };

    public static ApiError Conflict(GroupResource resource, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {resource} \"{name}\": {why}")
        {
            Name = name, Group = resource.Group, Kind = resource.Resource,
        };

    public static ApiError StaleUpdate(GroupResource resource, string name) =>
        Conflict(resource, name, "the object has been modified; please apply your changes to the latest version and try again");

    /// <summary>422: the object breaks validation; each cause names the field.</summary>
    public static ApiError Invalid(ResourceType type, string name, IReadOnlyList<StatusCause> causes)
    {
        var qualifiedKind = type.Group.Length == 0 ? type.Kind : $"{type.Kind}.{type.Group}";
        var list = causes.Select(c => c.Field.Length > 0 ? $"{c.Field}: {c.Message}" : c.Message).ToList();
        var summary = list.Count == 1 ? list[0] : "[" + string.Join(", ", list) + "]";
        return new ApiError(422, "Invalid", $"{qualifiedKind} \"{name}\" is invalid: {summary}")
        {
            Name = name, Group = type.Group, Kind = type.Kind, Causes = [.. causes],
        };
    }

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError Forbidden(GroupResource resource, string name, string why) =>
        new(403, "Forbidden", $"{resource} \"{name}\" is forbidden: {why}") { Name = name, Group = resource.Group, Kind = resource.Resource };

    public static ApiError MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiError Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    public static ApiError Expired(string message) => new(410, "Expired", message);

    public static ApiError UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/merge-patch+json, application/json-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml (got {contentType})");

    public static ApiError NotAcceptable(string message) => new(406, "NotAcceptable", message);

    public static ApiError TooManyRequests(int retryAfterSeconds) =>
        new(429, "TooManyRequests", "the server has received too many requests and has asked us to try again later")
        {
            RetryAfterSeconds = retryAfterSeconds,
        };

    public static ApiError Internal(string message) => new(500, "InternalError", $"Internal error occurred: {message}");

    public static ApiError ServiceUnavailable(string message) => new(503, "ServiceUnavailable", message);

    public static ApiError RequestEntityTooLarge(string message) => new(413, "RequestEntityTooLarge", message);
}
