namespace SovereignOps.Planning.Guard;

/// <summary>Collects the violations of one guard run, in the order the rules find them.</summary>
internal sealed class ViolationList
{
    private readonly List<Violation> items = [];

    public IReadOnlyList<Violation> Items => items;

    public void Add(ObjectRef resource, string fieldPath, string rule, string clause, string message) =>
        items.Add(new Violation(resource, fieldPath, rule, clause, message));
}
