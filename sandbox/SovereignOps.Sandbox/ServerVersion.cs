using System.Text.Json.Nodes;

namespace SovereignOps.Sandbox;

/// <summary>What /version reports: a 1.34 server, so kubectl 1.34 sees no version skew.</summary>
public static class ServerVersion
{
    public const string GitVersion = "v1.34.5-sandbox";

    public static JsonObject Document() => new()
    {
        ["major"] = "1",
        ["minor"] = "34",
        ["emulationMajor"] = "1",
        ["emulationMinor"] = "34",
        ["minCompatibilityMajor"] = "1",
        ["minCompatibilityMinor"] = "33",
        ["gitVersion"] = GitVersion,
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-01-01T00:00:00Z",
        ["goVersion"] = "go1.24.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };
}
