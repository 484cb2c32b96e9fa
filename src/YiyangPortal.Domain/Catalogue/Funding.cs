namespace YiyangPortal.Domain.Catalogue;

/// <summary>Who pays for a service item (2020 guide 五).</summary>
public enum Funding
{
    /// <summary>基本公共卫生 — funded by the health bureau, free for eligible elders.</summary>
    BasicPublicHealth = 1,

    /// <summary>医保 — medical insurance rules; the elder pays the personal share.</summary>
    MedicalInsurance = 2,

    /// <summary>自费 — paid by the elder.</summary>
    SelfPaid = 3,

    /// <summary>合作经费 — covered by the negotiated cooperation fee.</summary>
    CooperationFee = 4,
}
