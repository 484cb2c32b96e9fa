using System.Text;
using System.Text.Json.Nodes;
using YiyangPortal.Domain.Agreements;

namespace YiyangPortal.Domain.Auditing;

/// <summary>Turns an agreement's history events into audit entries, so every stream uses the same action codes.</summary>
public static class AgreementAudit
{
    /// <summary>"agreement.item-change-proposed" for <see cref="AgreementEventKind.ItemChangeProposed"/>.</summary>
    public static string Action(AgreementEventKind kind)
    {
        var code = new StringBuilder("agreement.");
        foreach (var c in kind.ToString())
        {
            if (char.IsUpper(c) && code[^1] != '.')
            {
                code.Append('-');
            }

            code.Append(char.ToLowerInvariant(c));
        }

        return code.ToString();
    }

    /// <summary>The entry recording <paramref name="recorded"/>, chained after <paramref name="previous"/>.</summary>
    public static AuditEntry Append(AuditEntry? previous, Agreement agreement, AgreementEvent recorded)
    {
        var details = new JsonObject { ["round"] = recorded.Round };
        Add(details, "party", recorded.Party?.ToString());
        Add(details, "itemId", recorded.ItemId?.ToString("D"));
        Add(details, "before", recorded.Before);
        Add(details, "after", recorded.After);
        Add(details, "reason", recorded.Reason);
        return AuditEntry.Append(
            previous, agreement.TenantId, agreement.Id, recorded.OccurredAtUtc, recorded.ActorUserId,
            Action(recorded.Kind), details);
    }

    private static void Add(JsonObject details, string key, string? value)
    {
        if (value is not null)
        {
            details[key] = value;
        }
    }
}
