using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Notifications;

/// <summary>
/// The arguments of a notification's title as JSON (ADR 046), read back as the same kinds of value so the localizer
/// formats them in the reader's culture: a string or a number as itself, a date as <c>{"date":"2026-12-07"}</c>
/// (its format is in the template), a nested label as <c>{"t":template,"a":[…]}</c>, a list as
/// <c>{"sep":"、","items":[…]}</c>. Anything else is stored as its invariant text.
/// </summary>
public static class NotificationTitle
{
    public static string? Serialize(IReadOnlyList<object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.Count == 0 ? null : Array(arguments).ToJsonString();
    }

    public static IReadOnlyList<object?> Deserialize(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        return JsonNode.Parse(json) is JsonArray array ? [.. array.Select(Read)] : [];
    }

    private static JsonArray Array(IEnumerable<object?> values) => [.. values.Select(Write)];

    private static JsonNode? Write(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        decimal d => JsonValue.Create(d),
        DateOnly day => new JsonObject { ["date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        DomainMessage m => new JsonObject { ["t"] = m.Template, ["a"] = Array(m.Arguments) },
        DomainMessageList list => new JsonObject { ["sep"] = list.Separator, ["items"] = Array(list.Items) },
        IFormattable f => JsonValue.Create(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value.ToString()),
    };

    private static object? Read(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        JsonObject o when o["date"] is JsonValue day =>
            DateOnly.ParseExact(day.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        JsonObject o when o["t"] is JsonValue template =>
            new DomainMessage(template.GetValue<string>(), [.. (o["a"] as JsonArray ?? []).Select(Read)]),
        JsonObject o when o["sep"] is JsonValue separator =>
            new DomainMessageList(separator.GetValue<string>(), (o["items"] as JsonArray ?? []).Select(Read)),
        _ => node.ToJsonString(),
    };
}
