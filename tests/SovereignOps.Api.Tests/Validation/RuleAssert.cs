using SovereignOps.Api.Bundles;
using SovereignOps.Api.Validation;

namespace SovereignOps.Api.Tests.Validation;

internal static class RuleAssert
{
    public static IReadOnlyList<ValidationError> Run(IBundleRule rule, Bundle bundle) => rule.Check(new BundleIndex(bundle)).ToList();

    /// <summary>Runs the rule and asserts it reports exactly one error, at the path, with the text in its message.</summary>
    public static ValidationError Single(IBundleRule rule, Bundle bundle, string fieldPath, string messagePart)
    {
        var errors = Run(rule, bundle);
        var error = Assert.Single(errors);
        Assert.Equal(fieldPath, error.FieldPath);
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        return error;
    }

    public static void Silent(IBundleRule rule, Bundle bundle) => Assert.Empty(Run(rule, bundle));
}
