using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace SovereignOps.Sandbox.Api;

/// <summary>Either a value or an <see cref="ApiError"/>, plus the warnings a client should print.</summary>
public readonly record struct ApiResult<T>
{
    internal ApiResult(T? value, ApiError? error, ImmutableArray<string> warnings)
    {
        Value = value;
        Error = error;
        Warnings = warnings.IsDefault ? [] : warnings;
    }

    public T? Value { get; }

    public ApiError? Error { get; }

    public ImmutableArray<string> Warnings { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static implicit operator ApiResult<T>(ApiError error) => new(default, error, []);

    public static implicit operator ApiResult<T>(T value) => new(value, null, []);

    public ApiResult<TOther> Map<TOther>(Func<T, TOther> map) =>
        Succeeded ? ApiResult.Ok(map(Value), Warnings) : ApiResult.Fail<TOther>(Error);

    public ApiResult<T> WithWarnings(ImmutableArray<string> more) =>
        more.IsDefaultOrEmpty ? this : new ApiResult<T>(Value, Error, Warnings.AddRange(more));
}

/// <summary>Factories for <see cref="ApiResult{T}"/>.</summary>
public static class ApiResult
{
    public static ApiResult<T> Ok<T>(T value, ImmutableArray<string> warnings = default) => new(value, null, warnings);

    public static ApiResult<T> Fail<T>(ApiError error) => new(default, error, []);
}
