using System.Globalization;
using YiyangPortal.Documents;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.FulfilmentOversight;
using static YiyangPortal.Documents.Formatting;

namespace YiyangPortal.Web.Features.FulfilmentReports;

/// <summary>
/// Maps a <see cref="FulfilmentReport"/> onto the PDF model (ADR 040). Printed in Chinese like the agreement it
/// reports on: per item and period agreed against confirmed, pending and disputed apart, shortfalls bold, the 履约率 as
/// the domain computes it, then the year's evaluations and fees.
/// </summary>
public static class FulfilmentReportPdf
{
    public const string Title = "履约情况报告";

    private static readonly float[] LineColumns = [0.26f, 0.16f, 0.09f, 0.09f, 0.09f, 0.09f, 0.22f];
    private static readonly float[] EvaluationColumns = [0.18f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.32f];
    private static readonly float[] FeeColumns = [0.22f, 0.18f, 0.18f, 0.18f, 0.24f];

    /// <summary>"SX-2026-0001-履约情况报告-第1协议年度.pdf".</summary>
    public static string FileName(FulfilmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Create(CultureInfo.InvariantCulture, $"{report.Agreement.DocumentNumber}-{Title}-第{report.Figures.Year.Number}协议年度.pdf");
    }

    public static FulfilmentReportModel Model(FulfilmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var a = report.Agreement;
        var year = report.Figures.Year;
        var term = a.Terms.Term is { } t
            ? $"{ChineseDate(t.From)}至{(t.To is { } end ? ChineseDate(end) : "—")}" + (a.TerminatedOn is { } off ? $"（已于{ChineseDate(off)}终止）" : string.Empty)
            : "—";
        List<ReportSection> sections =
        [
            Overview(report.Figures),
            new ReportSection("二、服务项目完成情况（按项目和服务周期）", [], Lines(report.Figures), [
                "注：只有养老机构已确认的服务记录计入完成情况；待确认和有异议的记录单列，不计入（未确认的记录不得默认通过）。",
                "履约率按已结束的服务周期计算，每个项目每个周期计入的已确认次数以约定次数为限。周期跨越协议有效期起止日或补充协议生效日的，按覆盖天数折算约定次数。",
                .. report.Changes,
            ]),
            Evaluations(report.Evaluations),
        ];
        if (report.Fees.Count > 0 || report.Waived.Count > 0)
        {
            sections.Add(Fees(report.Fees, report.Waived, report.Today));
        }

        return new FulfilmentReportModel(
            a.DocumentNumber,
            Title,
            [
                $"协议名称：{AgreementLabels.Of(a.Template)}",
                $"协议编号：{a.DocumentNumber}",
                $"甲方（养老服务机构）：{report.ElderCareName}",
                $"乙方（医疗卫生机构）：{report.MedicalName}",
                $"协议有效期：{term}",
                $"报告期间：第 {year.Number} 协议年度（{ChineseDate(year.From)}至{ChineseDate(year.To)}）",
                $"生成日期：{ChineseDate(report.Today)}" + (report.Figures.IsComplete ? string.Empty : "（协议年度尚未结束，为截至生成日的阶段性情况）"),
            ],
            sections,
            report.Today);
    }

    private static ReportSection Overview(FulfilmentYear figures)
    {
        var asOf = ChineseDate(figures.AsOf.AddDays(-1));
        var pending = figures.Lines.Sum(l => l.Pending);
        var disputed = figures.Lines.Sum(l => l.Disputed);
        return new ReportSection("一、总体情况", [
            figures.Rate is { } rate
                ? $"履约率：{FulfilmentSheet.Percent(rate)}（截至{asOf}已结束的服务周期：约定 {figures.Agreed}，已确认并计入 {figures.Counted}）"
                : $"履约率：—（截至{asOf}尚无已结束的服务周期）",
            $"未完成的服务周期：{figures.Shortfalls.Count} 个" +
                (figures.Shortfalls.Count == 0 ? string.Empty : "（见下表加粗的行）"),
            $"待确认的服务记录计 {pending}、有异议的计 {disputed}（次或人次），均不计入完成情况。",
        ]);
    }

    private static ReportTable Lines(FulfilmentYear figures)
    {
        var rows = new List<ReportRow>();
        foreach (var item in figures.Lines.GroupBy(l => l.Plan.AgreementItemId))
        {
            var first = true;
            foreach (var line in item.OrderBy(l => l.Plan.Period.Start))
            {
                // The item's name opens its rows; the rows under it are its periods.
                var shortNow = line.IsShortOn(figures.AsOf);
                rows.Add(new ReportRow(
                    [
                        first ? Name(line.Plan) : string.Empty, Period(line.Plan.Period), N(line.Plan.AgreedCount), N(line.Confirmed), N(line.Pending),
                        N(line.Disputed), State(line, figures.AsOf),
                    ],
                    shortNow));
                first = false;
            }

            var ended = item.Where(l => l.Plan.Period.End < figures.AsOf).ToList();
            rows.Add(new ReportRow([
                "小计", "本协议年度", N(item.Sum(l => l.Plan.AgreedCount)), N(item.Sum(l => l.Confirmed)),
                N(item.Sum(l => l.Pending)), N(item.Sum(l => l.Disputed)), $"履约率 {FulfilmentSheet.Percent(FulfilmentRate.Of(ended))}",
            ]));
        }

        rows.Add(new ReportRow([
            "合计", "本协议年度", N(figures.Lines.Sum(l => l.Plan.AgreedCount)), N(figures.Lines.Sum(l => l.Confirmed)),
            N(figures.Lines.Sum(l => l.Pending)), N(figures.Lines.Sum(l => l.Disputed)), $"履约率 {FulfilmentSheet.Percent(figures.Rate)}",
        ]));
        return new ReportTable(LineColumns, ["服务项目", "服务周期", "约定", "已确认", "待确认", "有异议", "完成情况"], rows);
    }

    private static ReportSection Evaluations(IReadOnlyList<AgreementEvaluation> evaluations)
    {
        const string heading = "三、年度评价";
        if (evaluations.Count == 0)
        {
            return new ReportSection(heading, ["本协议年度双方均尚未提交年度评价。"]);
        }

        return new ReportSection(heading, [], new ReportTable(
            EvaluationColumns,
            ["评价方", .. Enum.GetValues<EvaluationCriterion>().Select(c => c.ToChinese()), "平均", "意见"],
            evaluations.Select(e => new ReportRow([
                e.Party == Domain.Agreements.AgreementParty.ElderCare ? "甲方评价乙方" : "乙方评价甲方",
                .. Enum.GetValues<EvaluationCriterion>().Select(c => N(e.Score(c))),
                e.Average.ToString("0.0", CultureInfo.InvariantCulture),
                string.IsNullOrWhiteSpace(e.Comment) ? "—" : e.Comment,
            ])).ToList()),
            ["注：每项 1–5 分，5 分为最好。"]);
    }

    private static ReportSection Fees(IReadOnlyList<ReportInstalment> fees, IReadOnlyList<WaivedHalf> waived, DateOnly today)
    {
        var rows = fees.Select(f => (f.Instalment.PeriodStart, Row: new ReportRow(
                [
                    f.Instalment.Half.ToChinese(),
                    ChineseDate(f.Instalment.DueOn),
                    f.Instalment.DueWith(f.Standing).ToString(),
                    f.Standing is { } paid ? paid.Amount.ToString() : "—",
                    f.Standing is { } standing ? standing.Status.ToChinese() : f.Instalment.IsOverdueOn(today, null) ? "逾期未付" : "未付",
                ],
                f.Instalment.IsOverdueOn(today, f.Standing))))
            .Concat(waived.Select(w => (w.PeriodStart, Row: new ReportRow([w.Half.ToChinese(), "—", "—", "—", "不再收取"]))))
            .OrderBy(r => r.PeriodStart).Select(r => r.Row).ToList();
        // ADR 045: say which 补充协议 set or waived a half, as the fees page does next to the amount.
        var notes = fees.Where(f => f.Instalment.ChangedBy is not null && f.Instalment.DueWith(f.Standing) == f.Instalment.Amount)
            .Select(f => $"注：{f.Instalment.Half.ToChinese()}的应付金额按补充协议 {f.Instalment.ChangedBy!.DocumentNumber} 调整。")
            .Concat(waived.Select(w => $"注：{w.Half.ToChinese()}按补充协议 {w.By.DocumentNumber} 不再收取年度健康服务费。"))
            .ToList();
        return new("四、年度健康服务费", [], new ReportTable(FeeColumns, ["期次", "应付日（含当日）", "应付（元）", "已付（元）", "状态"], rows), notes);
    }

    private static string Name(PlanLine plan) => plan.Measure == PlanMeasure.ResidentsServed ? $"{plan.ItemName}（人次）" : plan.ItemName;

    private static string State(FulfilmentLine line, DateOnly asOf) =>
        line.OwesNothing ? "本期无约定次数"
        : line.Shortfall == 0 ? "已完成"
        : line.IsShortOn(asOf) ? $"未完成，差 {line.Shortfall}"
        : line.Plan.Period.Start > asOf ? "未开始"
        : $"进行中，尚差 {line.Shortfall}";

    /// <summary>2026年3月, 2026年第2季度, or the agreement year's dates.</summary>
    public static string Period(ServicePeriod period) => period.Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{period.Start.Year}年{period.Start.Month}月"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{period.Start.Year}年第{((period.Start.Month - 1) / 3) + 1}季度"),
        _ => $"{ChineseDate(period.Start)}至{ChineseDate(period.End)}",
    };

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
