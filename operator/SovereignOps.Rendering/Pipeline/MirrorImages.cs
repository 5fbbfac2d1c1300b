using SovereignOps.Api.V1Alpha1;
using SovereignOps.Rendering.Values;

namespace SovereignOps.Rendering.Pipeline;

/// <summary>Images as the charts receive them: already moved to the profile's in-country mirror.</summary>
public static class MirrorImages
{
    /// <summary>Rewrites an image reference to the mirror (registry host replaced, path kept).</summary>
    public static string Rewrite(string reference, string mirror) => ImageName.Parse(reference).InMirror(mirror).ToString();

    public static ImageValues Values(ImageReference image, string mirror, string fallbackTag)
    {
        var name = ImageName.Parse(image.Repository).InMirror(mirror);
        var tag = image.Tag ?? (image.Digest is null ? fallbackTag : string.Empty);
        return new ImageValues { Repository = name.Repository, Tag = tag, Digest = image.Digest ?? string.Empty };
    }

    public static ImageValues Values(string reference, string mirror)
    {
        var name = ImageName.Parse(reference).InMirror(mirror);
        return new ImageValues { Repository = name.Repository, Tag = name.Tag, Digest = name.Digest };
    }
}
