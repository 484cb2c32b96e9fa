namespace YiyangPortal.Domain.Agreements;

/// <summary>The medical side's decision on one service item in the current review round.</summary>
public enum ItemReviewState
{
    /// <summary>待审核.</summary>
    Pending = 1,

    /// <summary>同意.</summary>
    Approved = 2,

    /// <summary>不同意 — the item is left out of the agreement unless the elder-care side edits it.</summary>
    Rejected = 3,

    /// <summary>建议修改 — the medical side proposed another frequency and/or price, with a reason.</summary>
    ChangeProposed = 4,
}

/// <summary>Chinese names of <see cref="ItemReviewState"/>.</summary>
public static class ItemReviewStateLabels
{
    public static string ToChinese(this ItemReviewState state) => state switch
    {
        ItemReviewState.Pending => "待审核",
        ItemReviewState.Approved => "已同意",
        ItemReviewState.Rejected => "不同意",
        ItemReviewState.ChangeProposed => "建议修改",
        _ => "未知",
    };
}
