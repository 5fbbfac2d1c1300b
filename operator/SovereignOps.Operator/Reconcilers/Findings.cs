using SovereignOps.Api.Validation;
using SovereignOps.Planning.Guard;

namespace SovereignOps.Operator.Reconcilers;

/// <summary>How validation errors and guard violations read in a condition message.</summary>
public static class Findings
{
    public static string Join(IEnumerable<ValidationError> errors) =>
        string.Join("; ", errors.Select(e => e.FieldPath.Length > 0 ? $"{e.FieldPath}: {e.Message}" : e.Message));

    public static string Describe(Violation violation) => $"{violation.Object} {violation.FieldPath}: {violation.Message}";

    public static string Join(IEnumerable<Violation> violations) => string.Join("; ", violations.Select(Describe).Distinct(StringComparer.Ordinal));
}
