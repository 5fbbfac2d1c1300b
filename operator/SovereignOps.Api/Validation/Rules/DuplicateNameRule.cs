namespace SovereignOps.Api.Validation.Rules;

/// <summary>
/// No two objects share kind, namespace and name: applying both would silently keep only the last. Every
/// repeat is reported with where the first one is.
/// </summary>
public sealed class DuplicateNameRule : IBundleRule
{
    public IEnumerable<ValidationError> Check(BundleIndex bundle)
    {
        var groups = bundle.Bundle.Objects.GroupBy(o => (o.Kind, o.Metadata.NamespaceProperty ?? string.Empty, o.Metadata.Name));
        foreach (var group in groups)
        {
            var first = group.First();
            var firstAt = bundle.Bundle.SourceOf(first) is { } source ? $"{source.File}:{source.LineOf("metadata.name")}" : "the bundle";
            foreach (var repeat in group.Skip(1))
            {
                yield return bundle.Error(repeat, "metadata.name",
                    $"duplicate {BundleIndex.Describe(repeat)}: already defined at {firstAt}; expected names unique per kind and namespace");
            }
        }
    }
}
