using SovereignOps.Planning.Guard;
using SovereignOps.Rendering.Pipeline;

namespace SovereignOps.Operator.Desired;

/// <summary>
/// One chart render of a profile after the mirror rewrite and the guard: the objects to apply, or
/// why none may be. Violations and render failures are values; a unit that has either is applied
/// not at all.
/// </summary>
public sealed record RenderedUnit(RenderUnit Unit, IReadOnlyList<DesiredObject> Objects, IReadOnlyList<Violation> Violations, string? RenderFailure)
{
    public string Subject => Unit.Subject;

    public bool MayApply => RenderFailure is null && Violations.Count == 0;
}
