namespace SovereignOps.Api.Yaml;

/// <summary>Either the documents of a YAML stream or the errors that prevented reading it — never both.</summary>
public sealed class YamlReadResult
{
    private YamlReadResult(IReadOnlyList<YamlDocument> documents, IReadOnlyList<YamlError> errors)
    {
        Documents = documents;
        Errors = errors;
    }

    /// <summary>The non-empty documents, in stream order; empty when <see cref="Succeeded"/> is false.</summary>
    public IReadOnlyList<YamlDocument> Documents { get; }

    /// <summary>Every problem found, in source order; empty when <see cref="Succeeded"/> is true.</summary>
    public IReadOnlyList<YamlError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    internal static YamlReadResult Success(IReadOnlyList<YamlDocument> documents) => new(documents, []);

    internal static YamlReadResult Failure(IReadOnlyList<YamlError> errors) => new([], errors);
}
