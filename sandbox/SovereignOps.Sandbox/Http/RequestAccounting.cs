namespace SovereignOps.Sandbox.Http;

/// <summary>Keys under which handlers record what a request was, for the request metrics.</summary>
internal static class RequestAccounting
{
    public const string VerbKey = "sandbox.verb";
    public const string ResourceKey = "sandbox.resource";
}
