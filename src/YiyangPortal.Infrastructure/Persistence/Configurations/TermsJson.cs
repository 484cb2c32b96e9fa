using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

/// <summary>
/// <see cref="AgreementTerms"/> is one jsonb column: the template's blanks travel together, are never queried one by
/// one, and a new blank in a template does not need a migration. Money is written as a decimal string (exact).
/// </summary>
internal static class TermsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new MoneyConverter(), new ValidityPeriodConverter(), new JsonStringEnumConverter() },
    };

    public static ValueConverter<AgreementTerms, string> Converter { get; } = new(
        t => JsonSerializer.Serialize(t, Options),
        s => JsonSerializer.Deserialize<AgreementTerms>(s, Options)!);

    private sealed class MoneyConverter : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Money.FromYuan(decimal.Parse(reader.GetString()!, CultureInfo.InvariantCulture));

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Yuan.ToString("0.00", CultureInfo.InvariantCulture));
    }

    private sealed class ValidityPeriodConverter : JsonConverter<ValidityPeriod>
    {
        public override ValidityPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var parts = reader.GetString()!.Split('/');
            return new ValidityPeriod(
                DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                parts[1].Length == 0 ? null : DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        public override void Write(Utf8JsonWriter writer, ValidityPeriod value, JsonSerializerOptions options) =>
            writer.WriteStringValue(
                value.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "/" +
                (value.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty));
    }
}
