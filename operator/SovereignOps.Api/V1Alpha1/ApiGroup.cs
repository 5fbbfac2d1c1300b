namespace SovereignOps.Api.V1Alpha1;

/// <summary>The API group and version every SovereignOps custom resource is served under.</summary>
public static class ApiGroup
{
    public const string Group = "sovereignops.io";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Group + "/" + Version;

    /// <summary>The category that makes <c>kubectl get sovereign -A</c> list every SovereignOps resource.</summary>
    public const string Category = "sovereign";

    /// <summary>ISO 3166-1 alpha-2: two upper-case letters.</summary>
    public const string CountryPattern = "^[A-Z]{2}$";

    /// <summary>An RFC 1123 DNS label, as Kubernetes requires for namespaces and most names.</summary>
    public const string DnsLabelPattern = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>A CamelCase identifier for data classes such as <c>Secret</c> or <c>HealthRecords</c>.</summary>
    public const string DataClassPattern = "^[A-Z][A-Za-z0-9]*$";
}
