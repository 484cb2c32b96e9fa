using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

/// <summary>Money is numeric(12,2) in PostgreSQL: exact, and two decimals like the domain.</summary>
internal static class MoneyConversion
{
    public const string ColumnType = "numeric(12,2)";

    public static ValueConverter<Money, decimal> Converter { get; } = new(m => m.Yuan, d => Money.FromYuan(d));
}
