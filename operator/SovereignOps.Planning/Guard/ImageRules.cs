namespace SovereignOps.Planning.Guard;

/// <summary>Every image, of containers and of image volumes, comes from the profile's in-country mirror.</summary>
internal static class ImageRules
{
    public static void Check(GuardContext context, ObjectRef owner, PodTemplate pod, ViolationList violations)
    {
        foreach (var container in ContainerView.Of(pod))
        {
            if (!FromMirror(container.Image, context.Mirror))
            {
                violations.Add(owner, $"{container.Path}.image", GuardRules.ImageMirror, Clause(context),
                    $"image {Show(container.Image)} is not pulled from the in-country mirror {context.Mirror}");
            }
        }

        foreach (var (volume, i) in (pod.Spec.Volumes ?? []).Select((v, i) => (v, i)))
        {
            if (volume.Image is { } image && !FromMirror(image.Reference, context.Mirror))
            {
                violations.Add(owner, $"{pod.Path}.volumes[{i}].image.reference", GuardRules.ImageMirror, Clause(context),
                    $"image volume {Show(image.Reference)} is not pulled from the in-country mirror {context.Mirror}");
            }
        }
    }

    /// <summary>The mirror followed by a path separator; a bare prefix match would accept <c>mirror.evil/...</c>.</summary>
    public static bool FromMirror(string? image, string mirror) =>
        image is not null && image.StartsWith(mirror + "/", StringComparison.Ordinal) && image.Length > mirror.Length + 1;

    private static string Clause(GuardContext context) => context.ProfileClause("spec.registry.mirror", context.Mirror);

    private static string Show(string? image) => string.IsNullOrEmpty(image) ? "(none)" : image;
}
