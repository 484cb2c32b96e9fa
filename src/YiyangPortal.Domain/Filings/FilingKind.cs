namespace YiyangPortal.Domain.Filings;

/// <summary>What a filing informs its bureau of.</summary>
public enum FilingKind
{
    /// <summary>签约备案: the agreement took effect (2020 guide 六(四)).</summary>
    Signing = 1,

    /// <summary>终止备案: the agreement was terminated (2020 guide 六(二)); sent to the bureaus that received the signing filing.</summary>
    Termination = 2,
}

/// <summary>Chinese names of <see cref="FilingKind"/>.</summary>
public static class FilingKindLabels
{
    public static string ToChinese(this FilingKind kind) => kind switch
    {
        FilingKind.Signing => "签约备案",
        FilingKind.Termination => "终止备案",
        _ => "备案",
    };
}
