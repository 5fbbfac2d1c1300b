namespace SovereignOps.Api.Validation;

/// <summary>
/// One semantic check across a bundle. A rule reports only what it owns: when an object it needs is
/// missing (a dangling reference), it stays silent and leaves the report to the rule for that reference,
/// so one mistake yields one error.
/// </summary>
public interface IBundleRule
{
    IEnumerable<ValidationError> Check(BundleIndex bundle);
}
