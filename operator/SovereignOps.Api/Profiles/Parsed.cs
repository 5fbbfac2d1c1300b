using System.Diagnostics.CodeAnalysis;

namespace SovereignOps.Api.Profiles;

/// <summary>The outcome of reading one command-line value: the value, or why it could not be read.</summary>
public sealed class Parsed<T>
    where T : class
{
    internal Parsed(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Value is not null;
}

/// <summary>Creates <see cref="Parsed{T}"/> values.</summary>
public static class Parsed
{
    public static Parsed<T> Success<T>(T value)
        where T : class => new(value, null);

    public static Parsed<T> Failure<T>(string error)
        where T : class => new(null, error);
}
