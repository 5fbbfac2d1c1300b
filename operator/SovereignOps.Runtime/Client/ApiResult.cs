using System.Diagnostics.CodeAnalysis;

namespace SovereignOps.Runtime.Client;

/// <summary>The outcome of one API call: a value, or the error the server (or the network) gave.</summary>
public readonly struct ApiResult<T>
{
    private readonly T? _value;

    internal ApiResult(T? value, ApiError? error)
    {
        _value = value;
        Error = error;
    }

    public ApiError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value of a successful call.</summary>
    public T Value => IsSuccess ? _value! : throw new ApiException(Error);

    public static implicit operator ApiResult<T>(ApiError error) => new(default, error);

    public override string ToString() => IsSuccess ? $"ok: {_value}" : Error.ToString();
}

/// <summary>Creates <see cref="ApiResult{T}"/> values.</summary>
public static class ApiResult
{
    public static ApiResult<T> Success<T>(T value) => new(value, null);

    public static ApiResult<T> Failure<T>(ApiError error) => new(default, error);
}

/// <summary>Thrown only when a caller asks for the value of a failed call.</summary>
public sealed class ApiException(ApiError error) : Exception(error.ToString())
{
    public ApiError Error { get; } = error;
}
