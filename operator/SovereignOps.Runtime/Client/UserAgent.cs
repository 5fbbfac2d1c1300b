using System.Reflection;

namespace SovereignOps.Runtime.Client;

/// <summary>The User-Agent the operator sends on every request: <c>sovereignops-operator/&lt;version&gt;</c>.</summary>
public static class UserAgent
{
    public const string Product = "sovereignops-operator";

    public static string Version { get; } =
        (typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(UserAgent).Assembly.GetName().Version?.ToString(3)
            ?? "0.0.0")
        .Split('+')[0];

    public static string Value { get; } = $"{Product}/{Version}";
}
