namespace YiyangPortal.Domain.Common;

/// <summary>
/// Instants the domain records (signatures, reviews, audit entries) are kept in UTC at microsecond precision,
/// the precision of PostgreSQL <c>timestamptz</c>: a value read back from the database then equals the value
/// the domain wrote, which the audit hash chain depends on.
/// </summary>
public static class UtcTimestamp
{
    /// <summary>Converts to UTC (offset zero) and drops sub-microsecond ticks.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }
}
