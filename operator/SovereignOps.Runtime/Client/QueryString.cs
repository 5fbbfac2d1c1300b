using System.Text;

namespace SovereignOps.Runtime.Client;

/// <summary>Builds a path with escaped query parameters, skipping the ones without a value.</summary>
internal sealed class QueryString(string path)
{
    private readonly StringBuilder _text = new(path);
    private bool _first = true;

    public QueryString Add(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        _text.Append(_first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        _first = false;
        return this;
    }

    public QueryString Add(string name, int? value) =>
        value is { } number ? Add(name, number.ToString(System.Globalization.CultureInfo.InvariantCulture)) : this;

    public QueryString Add(string name, bool value) => value ? Add(name, "true") : this;

    public override string ToString() => _text.ToString();
}
