namespace YiyangPortal.Web.Features.Agreements;

/// <summary>
/// One posted row of the draft's item table. Frequencies are posted as typed (text) so a value that is not a number
/// is shown back exactly as typed, with its message, instead of being dropped.
/// </summary>
public sealed class DraftItemRow
{
    public Guid Id { get; set; }

    public string? Frequency { get; set; }
}

/// <summary>
/// What the one drafting form's buttons ask for. Every button posts the whole form (terms, item frequencies, the
/// new item), so nothing typed is lost whichever button is pressed.
/// </summary>
public readonly record struct DraftIntent(DraftIntentKind Kind, Guid? ItemId)
{
    public static DraftIntent Parse(string? value)
    {
        var (kind, id) = value?.Split(':', 2) is [var k, var i] ? (k, i) : (value, null);
        var itemId = Guid.TryParse(id, out var g) ? g : (Guid?)null;
        return kind switch
        {
            "submit" => new(DraftIntentKind.Submit, null),
            "add" => new(DraftIntentKind.AddItem, null),
            "preview" => new(DraftIntentKind.Preview, null),
            "remove" when itemId is not null => new(DraftIntentKind.RemoveItem, itemId),
            "accept" when itemId is not null => new(DraftIntentKind.AcceptProposal, itemId),
            _ => new(DraftIntentKind.Save, null),
        };
    }
}

public enum DraftIntentKind
{
    Save,
    Submit,
    AddItem,
    RemoveItem,
    AcceptProposal,

    /// <summary>Shows the PDF of what is typed now, with the 草稿 watermark, without saving anything.</summary>
    Preview,
}
