namespace YiyangPortal.Domain.Agreements;

/// <summary>协议模板 — the two Shaoxing reference templates (绍市民〔2024〕6号 附件1, 附件2).</summary>
public enum AgreementTemplate
{
    /// <summary>附件1 养医联合体服务协议: sessions, ward rounds, consultation fees, annual fee, agreed validity.</summary>
    MedicalElderCareConsortium = 1,

    /// <summary>附件2 医养结合项目服务合作协议: party addresses, duties, one year from signing.</summary>
    ProjectCooperation = 2,
}
