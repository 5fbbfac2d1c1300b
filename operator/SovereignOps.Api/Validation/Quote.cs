namespace SovereignOps.Api.Validation;

/// <summary>How values are quoted in messages, so every rule reads the same.</summary>
internal static class Quote
{
    public static string One(string? value) => $"\"{value}\"";

    /// <summary><c>"a", "b"</c>, or <c>none</c> for an empty list.</summary>
    public static string List(IEnumerable<string?> values)
    {
        var quoted = values.Select(One).ToList();
        return quoted.Count == 0 ? "none" : string.Join(", ", quoted);
    }
}
