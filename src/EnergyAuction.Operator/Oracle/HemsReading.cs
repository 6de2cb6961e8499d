using System.Numerics;

namespace EnergyAuction.Operator.Oracle;

/// <summary>Why a HEMS reading could not be had.</summary>
public enum HemsFailure
{
    /// <summary>The HEMS answered 4xx (unknown meter, bad query): asking again will not help.</summary>
    Refused,

    /// <summary>The HEMS kept answering 5xx.</summary>
    ServerError,

    /// <summary>The HEMS kept not answering in time.</summary>
    Timeout,

    /// <summary>The HEMS could not be reached.</summary>
    Unreachable,

    /// <summary>The answer was not JSON, lacked the path, or was not a non-negative integer.</summary>
    Garbage,
}

/// <summary>The outcome of one HEMS query: a value, or a failure with its detail.</summary>
public sealed record HemsReading(BigInteger? Value, HemsFailure? Failure, string? Detail)
{
    /// <summary>A value the oracle may report.</summary>
    public static HemsReading Of(BigInteger value) => new(value, null, null);

    /// <summary>No value, and why.</summary>
    public static HemsReading Failed(HemsFailure failure, string detail) => new(null, failure, detail);

    /// <summary>True when <see cref="Value"/> holds the reading.</summary>
    public bool Succeeded => Value is not null;
}
