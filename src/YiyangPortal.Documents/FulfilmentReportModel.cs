namespace YiyangPortal.Documents;

/// <summary>One row of a report table; an emphasised row prints bold (a shortfall, 未完成).</summary>
public sealed record ReportRow(IReadOnlyList<string> Cells, bool Emphasised = false);

/// <summary>A report table: each column's share of the text width, the header (repeated on every page) and the rows.</summary>
public sealed record ReportTable(IReadOnlyList<float> Columns, IReadOnlyList<string> Header, IReadOnlyList<ReportRow> Rows);

/// <summary>One numbered section of a report: its heading, paragraphs, an optional table and notes under it.</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs, ReportTable? Table = null, IReadOnlyList<string>? Notes = null);

/// <summary>
/// 履约情况报告 (issue 15): one agreement year of an agreement's fulfilment, printed with the agreement's fonts and page
/// frame (header with the 协议编号, 第 x 页 共 n 页). The portal fills it; this project only lays it out.
/// </summary>
/// <param name="DocumentNumber">The agreement's 协议编号, printed in every page's header.</param>
/// <param name="Title">The heading and the PDF's title, e.g. 履约情况报告.</param>
/// <param name="Facts">The lines under the title: parties, 协议编号, term, the year reported, the generation date.</param>
/// <param name="GeneratedOn">The Beijing day the report was made; also its PDF creation date.</param>
public sealed record FulfilmentReportModel(
    string DocumentNumber, string Title, IReadOnlyList<string> Facts, IReadOnlyList<ReportSection> Sections, DateOnly GeneratedOn);
