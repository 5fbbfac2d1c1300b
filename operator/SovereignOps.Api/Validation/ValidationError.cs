namespace SovereignOps.Api.Validation;

/// <summary>
/// One reason a bundle is invalid, located in its source: the file, the line (0 when unknown), the column
/// where the reader knows it, the field path inside the object (empty for a whole document or file) and
/// what was expected. Rendered as <c>file:line: field.path: message</c>.
/// </summary>
public sealed record ValidationError(string File, int Line, int? Column, string FieldPath, string Message)
{
    /// <summary>Orders errors as a reader scans files: by file, then line, column, field path and message.</summary>
    public static IComparer<ValidationError> SourceOrder { get; } = Comparer<ValidationError>.Create(Compare);

    public override string ToString()
    {
        var location = Line > 0 ? $"{File}:{Line}" : File;
        return FieldPath.Length > 0 ? $"{location}: {FieldPath}: {Message}" : $"{location}: {Message}";
    }

    private static int Compare(ValidationError? left, ValidationError? right)
    {
        if (ReferenceEquals(left, right))
        {
            return 0;
        }

        if (left is null || right is null)
        {
            return left is null ? -1 : 1;
        }

        var order = string.CompareOrdinal(left.File, right.File);
        if (order == 0)
        {
            order = left.Line.CompareTo(right.Line);
        }

        if (order == 0)
        {
            order = (left.Column ?? 0).CompareTo(right.Column ?? 0);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(left.FieldPath, right.FieldPath);
        }

        return order != 0 ? order : string.CompareOrdinal(left.Message, right.Message);
    }
}
