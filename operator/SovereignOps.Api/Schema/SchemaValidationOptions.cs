namespace SovereignOps.Api.Schema;

/// <summary>How <see cref="SchemaValidator"/> validates.</summary>
public sealed record SchemaValidationOptions
{
    public static SchemaValidationOptions Default { get; } = new();

    /// <summary>
    /// On update, ignore errors in values that did not change from the old object (the API server's
    /// validation ratcheting), so tightening a schema does not block unrelated edits. Transition rules
    /// (those that use <c>oldSelf</c>) are never ratcheted.
    /// </summary>
    public bool Ratcheting { get; init; } = true;

    /// <summary>Whether to evaluate <c>x-kubernetes-validations</c> rules.</summary>
    public bool EvaluateRules { get; init; } = true;

    /// <summary>
    /// Estimated CEL work allowed for one validation, in cost units of roughly one expression step
    /// on one value; past it the remaining rules are not run and a violation says so.
    /// </summary>
    public long RuleCostBudget { get; init; } = 10_000_000;
}
