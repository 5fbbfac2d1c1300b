namespace SovereignOps.Api.Presets;

/// <summary>
/// The marks every preset-derived policy carries: presets encode an engineer's reading of the law, and a
/// lawyer of the jurisdiction has to confirm it before a customer relies on it.
/// </summary>
public static class LegalReview
{
    /// <summary>Annotation whose value <see cref="Required"/> says the policy has not been reviewed by counsel.</summary>
    public const string AnnotationKey = "sovereignops.io/legal-review";

    public const string Required = "required";

    /// <summary>Annotation that carries <see cref="Statement"/> in words.</summary>
    public const string NoteAnnotationKey = "sovereignops.io/legal-review-note";

    /// <summary>Annotation naming the preset (country code) the policy was generated from.</summary>
    public const string PresetAnnotationKey = "sovereignops.io/preset";

    public const string Statement =
        "Engineering default derived from the cited laws, not legal advice. Counsel qualified in the jurisdiction must review it before it is relied on.";
}
