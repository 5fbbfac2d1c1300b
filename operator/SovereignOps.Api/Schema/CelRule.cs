using k8s.Models;

namespace SovereignOps.Api.Schema;

/// <summary>One <c>x-kubernetes-validations</c> entry with its programs compiled and its fieldPath parsed.</summary>
internal sealed class CelRule
{
    private CelRule(V1ValidationRule source, CelProgram program, CelProgram? messageProgram, RuleFieldPath fieldPath)
    {
        Source = source;
        Program = program;
        MessageProgram = messageProgram;
        FieldPath = fieldPath;
    }

    public V1ValidationRule Source { get; }

    public string Rule => Source.Rule ?? string.Empty;

    public CelProgram Program { get; }

    public CelProgram? MessageProgram { get; }

    public RuleFieldPath FieldPath { get; }

    /// <summary>Transition rules compare with the old object; they are skipped on create and never ratcheted.</summary>
    public bool UsesOldSelf => Program.UsesOldSelf || MessageProgram?.UsesOldSelf == true;

    public static CelRule Create(V1ValidationRule source) => new(
        source,
        CelProgram.Get(source.Rule ?? string.Empty),
        string.IsNullOrWhiteSpace(source.MessageExpression) ? null : CelProgram.Get(source.MessageExpression),
        RuleFieldPath.Parse(source.FieldPath));
}
