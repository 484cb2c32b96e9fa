using System.Globalization;

namespace YiyangPortal.Domain.Common;

/// <summary>
/// An amount in 元 with exactly two decimals (分). Always <see cref="decimal"/>, never floating point: fees are
/// stated in agreements and filed with regulators, so 0.1 + 0.2 must be 0.30.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    /// <summary>The largest amount the portal accepts anywhere (one hundred million 元); larger is a typing error.</summary>
    public const decimal MaxYuan = 99_999_999.99m;

    private Money(decimal yuan) => Yuan = yuan;

    public static Money Zero { get; } = new(0m);

    public decimal Yuan { get; }

    /// <summary>Refuses negative amounts, more than two decimals and absurd sizes.</summary>
    public static Money FromYuan(decimal yuan)
    {
        if (yuan < 0)
        {
            throw new DomainException("金额不能为负数。");
        }

        if (decimal.Round(yuan, 2) != yuan)
        {
            throw new DomainException("金额最多保留两位小数（精确到分）。");
        }

        if (yuan > MaxYuan)
        {
            throw new DomainException("金额过大，请检查输入。");
        }

        return new Money(decimal.Round(yuan, 2));
    }

    public static bool TryFromYuan(decimal yuan, out Money money)
    {
        var valid = yuan >= 0 && decimal.Round(yuan, 2) == yuan && yuan <= MaxYuan;
        money = valid ? new Money(decimal.Round(yuan, 2)) : Zero;
        return valid;
    }

    public static Money operator +(Money left, Money right) => FromYuan(left.Yuan + right.Yuan);

    public static Money operator *(Money left, int times) =>
        times < 0 ? throw new DomainException("次数不能为负数。") : FromYuan(left.Yuan * times);

    public static Money Add(Money left, Money right) => left + right;

    public static Money Multiply(Money left, int times) => left * times;

    public static bool operator <(Money left, Money right) => left.Yuan < right.Yuan;

    public static bool operator >(Money left, Money right) => left.Yuan > right.Yuan;

    public static bool operator <=(Money left, Money right) => left.Yuan <= right.Yuan;

    public static bool operator >=(Money left, Money right) => left.Yuan >= right.Yuan;

    public int CompareTo(Money other) => Yuan.CompareTo(other.Yuan);

    /// <summary>"1,200.00" — two decimals always, invariant digits.</summary>
    public override string ToString() => Yuan.ToString("#,0.00", CultureInfo.InvariantCulture);
}
