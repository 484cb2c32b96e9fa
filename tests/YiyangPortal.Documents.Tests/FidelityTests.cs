namespace YiyangPortal.Documents.Tests;

/// <summary>
/// What a reader of the PDF sees (text extracted with PdfPig): every sentence of the official template in its
/// order, and every value of the agreement where the template has its blank.
/// </summary>
public class FidelityTests
{
    public static TheoryData<string> Agreements => new()
    {
        "consortium-signed",
        "project-cooperation-signed",
        "consortium-draft",
        "project-cooperation-draft",
    };

    [Theory]
    [MemberData(nameof(Agreements))]
    public void Pdf_ContainsEveryOfficialSentence_InOrder(string name)
    {
        var model = Model(name);
        var body = RenderedDocuments.WithoutWhitespace(RenderedDocuments.BodyText(RenderedDocuments.Renderer.Render(model)));

        var fragments = OfficialText.Fragments(model.Template);

        Assert.True(fragments.Count > 40, $"only {fragments.Count} fragments: the seed section was not found");
        AssertInOrder(body, fragments);
    }

    [Fact]
    public void SignedConsortium_PrintsEveryFilledValue_AtItsBlank_InOrder()
    {
        var body = Body(SampleAgreements.SignedConsortium());

        AssertInOrder(body,
        [
            "甲方（养老机构）：绍兴市越城区颐康养老院",
            "乙方（医疗卫生机构）：绍兴市越城区府山街道社区卫生服务中心",
            "乙方提供4次/月，派2名中级职称",
            "乙方提供2次/月，派1名中级职称",
            "正高300.00元/次，副高200.00元/次，中级100.00元/次",
            "由甲方统一支付（甲方康养人员自理、甲方担保或甲方统一支付）",
            "人民币36,000.00元",
            "报越城区民政局、越城区卫生健康局备案",
            "有效期为2026年3月1日至2027年2月28日",
            .. ScheduleValues(),
            "甲方：绍兴市越城区颐康养老院",
            "代表人：周丽华(签名)",
            // Signed at 2026-02-26 17:30 UTC: already the 27th in Beijing.
            "2026年2月27日",
            "乙方：绍兴市越城区府山街道社区卫生服务中心",
            "代表人：陈志明(签名)",
            "2026年2月27日",
            "https://yiyang.example.cn/shaoxing/verify/SX-2026-000123",
        ]);
    }

    [Fact]
    public void SignedProjectCooperation_PrintsEveryFilledValue_AtItsBlank_InOrder()
    {
        var body = Body(SampleAgreements.SignedProjectCooperation());

        AssertInOrder(body,
        [
            "甲方（养老机构）：绍兴市越城区颐康养老院",
            "地址：绍兴市越城区人民东路88号",
            "乙方（医疗卫生机构）：绍兴市越城区府山街道社区卫生服务中心",
            "地址：绍兴市越城区府山横街12号",
            "报越城区民政局、越城区卫生健康局备案",
            .. ScheduleValues(),
            "甲方代表签字:周丽华",
            "2026年2月27日",
            "乙方代表签字:陈志明",
            "2026年2月27日",
        ]);
    }

    /// <summary>ADR 049: a county's bureaus named otherwise (merged, 委员会) are printed as the register names them.</summary>
    [Theory]
    [InlineData("柯桥区社会事业局", "柯桥区卫生健康委员会", "报柯桥区社会事业局、柯桥区卫生健康委员会备案")]
    [InlineData("越城区", "越城区卫生健康委（局）", "报越城区民政局、越城区卫生健康局备案")]
    public void BureausNamedOtherwise_ArePrintedAsNamed_InBothTemplates(string civil, string health, string expected)
    {
        foreach (var model in new[] { SampleAgreements.SignedConsortium(), SampleAgreements.SignedProjectCooperation() })
        {
            var body = Body(model with { CivilAffairsBureau = civil, HealthBureau = health });

            Assert.Contains(expected, body, StringComparison.Ordinal);
            Assert.DoesNotContain("社会事业局民政局", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Pdf_ExtractsTheCharactersWritten_NotKangxiRadicals()
    {
        var text = string.Concat(RenderedDocuments.PageTexts(RenderedDocuments.Renderer.Render(SampleAgreements.SignedConsortium())));

        // With the whole CJK font Skia maps shared glyphs to the wrong code points (方 → ⽅ U+2F45, 老 → ⽼ U+2F7C).
        Assert.DoesNotContain(text, c => c is >= '\u2E80' and <= '\u2FDF');
        Assert.Contains("养老机构", text, StringComparison.Ordinal);
        Assert.Contains("甲方", text, StringComparison.Ordinal);
    }

    private static string Body(AgreementDocumentModel model) =>
        RenderedDocuments.WithoutWhitespace(RenderedDocuments.BodyText(RenderedDocuments.Renderer.Render(model)));

    private static IEnumerable<string> ScheduleValues() =>
    [
        "附表：服务项目及费用",
        .. SampleAgreements.TypicalItems().SelectMany(item => new[]
        {
            RenderedDocuments.WithoutWhitespace(item.Item),
            item.UnitPrice is { } price ? Formatting.Money(price) : "—",
        }),
        "费用汇总（按支付方）",
        "年度健康服务费36,000.00甲方（养老机构）支付",
        "合作经费小计（甲方支付）38,400.00",
        "自费服务项目（年度估算）600.00康养人员",
        "医保服务项目（年度估算）1,560.00按医保政策结算",
        "基本公共卫生服务项目（3项）0.00符合条件的老年人免费",
    ];

    [Fact]
    public void FeeSummary_GivesTotalsPerPayer_WithoutAGrandTotal()
    {
        // 附件1: 健康体检、医疗会诊、护理服务等费用在一次性支付服务费的范围以外支付 — nothing adds 自费 or 医保 to the fee.
        var body = Body(SampleAgreements.SignedConsortium());

        Assert.DoesNotContain("年度费用合计", body, StringComparison.Ordinal);
        Assert.DoesNotContain("36,000.00+", body, StringComparison.Ordinal);
        Assert.Contains("支付方及说明", body, StringComparison.Ordinal);
    }

    internal static AgreementDocumentModel Model(string name) => name switch
    {
        "consortium-signed" => SampleAgreements.SignedConsortium(),
        "project-cooperation-signed" => SampleAgreements.SignedProjectCooperation(),
        "consortium-draft" => SampleAgreements.Draft(AgreementTemplateKind.MedicalElderCareConsortium),
        "project-cooperation-draft" => SampleAgreements.Draft(AgreementTemplateKind.ProjectCooperation),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static void AssertInOrder(string text, IEnumerable<string> expected)
    {
        var position = 0;
        foreach (var piece in expected)
        {
            var found = text.IndexOf(piece, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"Not found after position {position}: «{piece}»\nText from there: «{text[position..Math.Min(text.Length, position + 120)]}»");
            position = found + piece.Length;
        }
    }
}
