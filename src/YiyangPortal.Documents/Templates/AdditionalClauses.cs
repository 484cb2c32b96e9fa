namespace YiyangPortal.Documents.Templates;

/// <summary>
/// The optional 附加条款 (ADR 026): the Shaoxing templates have no clause on disputes or confidentiality, the 2020 guide
/// has both (七 争议解决, 八 保密条款). Their wording is the guide's own, with 医疗卫生机构/养老服务机构 read as 乙方/甲方;
/// 七 asks the agreement to 明确出现纠纷后的双方处置责任, which the guide itself states in 四(二) for 医疗损害或纠纷.
/// </summary>
internal static class AdditionalClauses
{
    public const string Heading = "附加条款";

    public const string Preamble =
        "依据《医疗卫生机构与养老服务机构签约合作服务指南（试行）》（国卫办老龄发〔2020〕23号）七、八，" +
        "甲乙双方约定将以下条款列入本协议，与本协议其他条款具有同等效力。";

    /// <summary>2020 guide 七, with 四(二)'s 处置责任 for 医疗损害或纠纷.</summary>
    public const string DisputeResolution =
        "争议解决。诊疗过程中若发生医疗损害或纠纷，甲方协助乙方与老年人及其亲属协商沟通解决，如不能协商解决，" +
        "由乙方按照相关法律、法规规定处理。本协议履行过程中发生的纠纷，甲乙双方应当遵循已有的法律规定协商解决。" +
        "如双方协商不成，可以向所在地有管辖权的人民法院提起诉讼。";

    /// <summary>2020 guide 八(一).</summary>
    public const string ConfidentialityDuty =
        "（一）甲乙双方对在本协议履行过程中获知的对方相关商业信息秘密、技术信息秘密、老年人个人信息等均负有保密义务，" +
        "除法律法规另有规定外，未经对方许可，任何一方在任何时候均不得向第三方披露。违反本条规定的一方依法赔偿给对方造成的直接和间接损失。";

    /// <summary>2020 guide 八(二).</summary>
    public const string ConfidentialityAfterTermination = "（二）本协议终止后，甲乙双方仍需履行本条款的保密义务。";

    /// <summary>The chosen clauses as printed paragraphs, numbered 一、二 in the order of the guide.</summary>
    public static IReadOnlyList<string> Paragraphs(AgreementDocumentModel model)
    {
        var clauses = new List<string>();
        if (model.DisputeResolutionClause)
        {
            clauses.Add(DisputeResolution);
        }

        if (model.ConfidentialityClause)
        {
            clauses.Add("保密条款。" + ConfidentialityDuty + ConfidentialityAfterTermination);
        }

        return clauses.Select((text, i) => $"{"一二"[i]}、{text}").ToList();
    }
}
