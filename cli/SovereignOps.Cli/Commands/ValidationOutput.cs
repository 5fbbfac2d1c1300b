using System.Text.Json;
using SovereignOps.Api.Validation;

namespace SovereignOps.Cli.Commands;

/// <summary>
/// How <c>sovereignctl validate</c> prints a report. Both formats are written straight to the output
/// writer, never through console rendering, so lines are not wrapped at the terminal width and the JSON
/// stays parseable when piped.
/// </summary>
public static class ValidationOutput
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>One <c>file:line: field.path: message</c> line per error, then a one-line summary.</summary>
    public static void WriteText(TextWriter writer, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var error in report.Errors)
        {
            writer.WriteLine(error.ToString());
        }

        writer.WriteLine(Summary(report));
    }

    /// <summary><c>{valid, errors: [{file, line, column, path, message}], objects: {kind: count}}</c>.</summary>
    public static void WriteJson(TextWriter writer, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var document = new
        {
            valid = report.Valid,
            errors = report.Errors.Select(e => new { file = e.File, line = e.Line, column = e.Column, path = e.FieldPath, message = e.Message }),
            objects = report.Objects,
        };
        writer.WriteLine(JsonSerializer.Serialize(document, Json));
    }

    public static string Summary(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var files = Plural(report.Files, "file");
        if (report.Valid)
        {
            var objects = report.Objects.Values.Sum();
            var kinds = string.Join(", ", report.Objects.Select(k => $"{k.Value} {k.Key}"));
            return $"valid: {Plural(objects, "object")} in {files}" + (kinds.Length > 0 ? $" ({kinds})" : string.Empty);
        }

        return $"invalid: {Plural(report.Errors.Count, "error")} in {report.FilesWithErrors} of {files}";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
