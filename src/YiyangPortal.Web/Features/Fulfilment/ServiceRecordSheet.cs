using System.Globalization;
using System.IO.Compression;
using System.Xml;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Web.Features.Institutions;

namespace YiyangPortal.Web.Features.Fulfilment;

/// <summary>
/// 服务记录导入 (issue 15): the XLSX template (the agreement's items and the roster on a second sheet) and the reading
/// of an uploaded one into the grid's rows, with what cannot even be read listed by row and column. The domain judges
/// the rows afterwards, as for the grid (<see cref="ServiceRecordBatch"/>).
/// </summary>
public static class ServiceRecordSheet
{
    /// <summary>2 MB: 500 rows of text take a few tens of kilobytes.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>What a 2 MB file may unpack to: anything larger is a zip bomb, not a sheet of service records.</summary>
    private const long MaxUnpackedBytes = 40 * 1024 * 1024;

    public const string Date = "服务日期";
    public const string Item = "服务项目";
    public const string Staff = "服务人员";
    public const string Residents = "服务人数";
    public const string Duration = "时长（分钟）";
    public const string Notes = "备注";

    private static readonly string[] HeaderOrder = [Date, Item, Staff, Residents, Duration, Notes];

    public static IReadOnlyList<string> Headers => HeaderOrder;

    /// <summary>The grid field each column fills, in the template's order (A to F).</summary>
    private static readonly string[] Fields =
    [
        nameof(ServiceRecordForm.ServiceDate), nameof(ServiceRecordForm.AgreementItemId), nameof(ServiceRecordForm.StaffMemberId),
        nameof(ServiceRecordForm.ResidentsServed), nameof(ServiceRecordForm.DurationMinutes), nameof(ServiceRecordForm.Notes),
    ];

    /// <summary>The column (its header) that holds a grid field; empty for a problem of the whole row.</summary>
    public static string Column(string field) => Array.IndexOf(Fields, field) is var i and >= 0 ? HeaderOrder[i] : string.Empty;

    /// <summary>"B": the column's letter in Excel, for the message 行 N 列 B.</summary>
    public static string Letter(string header) => Array.IndexOf(HeaderOrder, header) is var i and >= 0 ? ((char)('A' + i)).ToString() : string.Empty;

    /// <summary>How a roster entry is written in the sheet and offered in the template.</summary>
    public static string StaffLabel(StaffMember staff) => $"{staff.Name}（{staff.Title.ToChinese()}）";

    /// <summary>
    /// The template: a blank 服务记录 sheet and the names it accepts on 可选项 — <paramref name="agreed"/>, the items agreed
    /// in the month it is downloaded for (ADR 044), and the roster.
    /// </summary>
    public static byte[] Template(IReadOnlyList<AgreedItem> agreed, IReadOnlyList<StaffMember> roster)
    {
        ArgumentNullException.ThrowIfNull(agreed);
        var items = agreed.Select(i => i.Name).ToList();
        var names = roster.Select(StaffLabel).ToList();
        var options = Enumerable.Range(0, Math.Max(items.Count, names.Count))
            .Select(i => (IReadOnlyList<string>)[items.ElementAtOrDefault(i) ?? string.Empty, names.ElementAtOrDefault(i) ?? string.Empty]);
        using var buffer = new MemoryStream();
        TabularFile.WriteXlsxSheets(buffer, [
            new Sheet("服务记录", Headers, []),
            new Sheet("可选项", ["服务项目（照此填写）", "服务人员（照此填写）"], options.ToList()),
        ]);
        return buffer.ToArray();
    }

    /// <summary>
    /// The rows of an uploaded sheet as grid rows with their sheet row numbers, or the problems that stop it from being
    /// read at all (not an XLSX, too large, formulas, too many rows, missing columns), or cells that cannot be read.
    /// </summary>
    /// <param name="agreed">The items agreed over the term: a name is read as the item of that name agreed on the row's
    /// day, else of any day (the domain then says on which day it was added or dropped, ADR 044).</param>
    public static (List<(int Row, ServiceRecordForm Form)> Rows, List<ImportError> Errors) Read(
        Stream content, AgreedItems agreed, IReadOnlyList<StaffMember> roster)
    {
        ArgumentNullException.ThrowIfNull(agreed);
        var rows = new List<(int, ServiceRecordForm)>();
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        if (buffer.Length > MaxBytes)
        {
            return (rows, [new ImportError(0, string.Empty, "文件不能超过 {0} MB。", MaxBytes / 1024 / 1024)]);
        }

        if (FormulaOrBroken(buffer) is { } refused)
        {
            return (rows, [refused]);
        }

        List<SheetRow> sheet;
        try
        {
            buffer.Position = 0;
            sheet = TabularFile.Read(buffer, "records.xlsx");
        }
        catch (SheetFormatException e)
        {
            return (rows, [new ImportError(0, string.Empty, e.Text)]);
        }

        if (sheet.Count == 0)
        {
            return (rows, [new ImportError(0, string.Empty, "文件中没有服务记录。请在模板的“服务记录”表中逐行填写。")]);
        }

        if (sheet.Count > ServiceRecordBatch.MaxRows)
        {
            return (rows, [new ImportError(0, string.Empty, "一次最多导入 {0} 行，请拆分文件。", ServiceRecordBatch.MaxRows)]);
        }

        if (Headers.Where(h => !sheet[0].Cells.ContainsKey(h)).ToList() is { Count: > 0 } missing)
        {
            return (rows, [new ImportError(1, string.Empty, "缺少列：{0}。请使用导入模板。", string.Join("、", missing))]);
        }

        var errors = new List<ImportError>();
        var items = agreed.All.Where(i => i.Item.Frequency > 0).ToList();
        foreach (var row in sheet)
        {
            var form = new ServiceRecordForm
            {
                ServiceDate = DateText(row[Date]),
                ResidentsServed = row[Residents],
                DurationMinutes = row[Duration],
                Notes = row[Notes],
            };
            var itemName = row[Item];
            if (itemName.Length > 0)
            {
                form.AgreementItemId = ItemNamed(agreed, items, itemName, form.ServiceDate);
                if (form.AgreementItemId is null)
                {
                    errors.Add(new ImportError(row.Number, Column(nameof(form.AgreementItemId)), "“{0}”不是本协议约定的服务项目，请照“可选项”表填写。", Short(itemName)));
                }
            }

            var staffName = row[Staff];
            if (staffName.Length > 0)
            {
                var matches = roster.Where(s => StaffLabel(s) == staffName).ToList() is { Count: 1 } exact
                    ? exact : roster.Where(s => s.Name == staffName).ToList();
                form.StaffMemberId = matches.Count == 1 ? matches[0].Id : null;
                if (form.StaffMemberId is null)
                {
                    errors.Add(matches.Count > 1
                        ? new ImportError(row.Number, Column(nameof(form.StaffMemberId)), "名册中有不止一位“{0}”，请照“可选项”表连同职称填写。", Short(staffName))
                        : new ImportError(row.Number, Column(nameof(form.StaffMemberId)), "“{0}”不在本机构人员名册中，请照“可选项”表填写。", Short(staffName)));
                }
            }

            rows.Add((row.Number, form));
        }

        return (rows, errors);
    }

    /// <summary>A date cell as the grid reads it: Excel's own dates come as date values, typed ones as text.</summary>
    private static string DateText(string cell)
    {
        if (DateOnly.TryParseExact(cell, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return DateTime.TryParseExact(cell, ["MM/dd/yyyy HH:mm:ss", "M/d/yyyy H:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : cell;
    }

    private static Guid? ItemNamed(AgreedItems agreed, IReadOnlyList<AgreedItem> items, string name, string? date) =>
        (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? agreed.On(day).FirstOrDefault(i => i.Name == name && i.Item.Frequency > 0)?.LineItemId
            : null)
        ?? items.FirstOrDefault(i => i.Name == name)?.LineItemId;

    private static string Short(string text) => text.Length <= 20 ? text : text[..20] + "…";

    /// <summary>
    /// Not an XLSX (a zip of XML parts), one that unpacks to far more than it weighs, or one whose cells hold formulas
    /// (what Excel shows would be a cached value the portal cannot check): refused with where and why.
    /// </summary>
    private static ImportError? FormulaOrBroken(MemoryStream buffer)
    {
        var notXlsx = new ImportError(0, string.Empty, "文件无法读取，请上传用导入模板填写的 Excel（.xlsx）文件。");
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (!bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return notXlsx;
        }

        try
        {
            buffer.Position = 0;
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                return notXlsx;
            }

            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)
                                                         && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                var cell = string.Empty;
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element) { continue; }
                    if (reader.LocalName == "c") { cell = reader.GetAttribute("r") ?? string.Empty; }
                    else if (reader.LocalName == "f")
                    {
                        var letter = new string(cell.TakeWhile(char.IsAsciiLetter).ToArray());
                        var row = int.TryParse(cell[letter.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
                        var header = letter.Length == 1 && letter[0] - 'A' is var i and >= 0 && i < Headers.Count ? Headers[i] : string.Empty;
                        return new ImportError(row, header, "单元格 {0} 含有公式。请复制后“选择性粘贴—数值”，再导入。", cell);
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return notXlsx;
        }

        return null;
    }
}
