using System.Globalization;
using System.Text;
using MiniExcelLibs;

using YiyangPortal.Domain.Common;

namespace YiyangPortal.Web.Features.Institutions;

/// <summary>A file that cannot be read as a sheet; the message says why, in words for the person who uploaded it
/// (<see cref="Text"/>: a template and its arguments, ADR 032).</summary>
public sealed class SheetFormatException(DomainMessage text, Exception? inner = null) : Exception(text.ToString(), inner)
{
    public DomainMessage Text { get; } = text;
}

/// <summary>A row of an uploaded sheet: its row number as the user sees it in Excel, and its cells by header.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string header] => Cells.TryGetValue(header, out var v) ? v : string.Empty;
}

/// <summary>One sheet of a workbook written by <see cref="TabularFile.WriteXlsxSheets"/>.</summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>Reads and writes the import/export sheets: XLSX or CSV (UTF-8 or GB18030), both read with MiniExcel.</summary>
public static class TabularFile
{
    public const int MaxRows = 5000;
    public const long MaxBytes = 5 * 1024 * 1024;

    static TabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsCsv(string fileName) => fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Rows after the header row; blank rows are skipped (Excel leaves them at the end). At most one row more than
    /// <see cref="MaxRows"/> is read, so a small file that unpacks into millions of rows is refused, not read.
    /// Anything the file's format gets wrong — not a spreadsheet, broken or DTD-laden XML, repeated column names —
    /// is a <see cref="SheetFormatException"/> with a message for the user (issue 12).
    /// </summary>
    public static List<SheetRow> Read(Stream stream, string fileName)
    {
        try
        {
            var rows = IsCsv(fileName) ? ReadCsv(stream) : ReadXlsx(stream);
            return rows.Where(r => r.Cells.Values.Any(v => v.Length > 0)).Take(MaxRows + 1).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or IOException
                                      or System.Xml.XmlException or ArgumentException or IndexOutOfRangeException
                                      or KeyNotFoundException or InvalidCastException or OverflowException or NotSupportedException
                                      or NullReferenceException)
        {
            throw new SheetFormatException(new DomainMessage("文件无法读取，请确认是 Excel（.xlsx）或 CSV 文件，并使用导入模板的格式。"), e);
        }
    }

    public static void WriteXlsx(Stream stream, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        stream.SaveAs(
            rows.Select(r => (IDictionary<string, object>)headers.Select((h, i) => (h, (object)r[i])).ToDictionary(p => p.h, p => p.Item2))
                .DefaultIfEmpty(headers.ToDictionary(h => h, _ => (object)string.Empty)),
            excelType: ExcelType.XLSX);

    /// <summary>A workbook of several sheets (an import template and the values it accepts); the first is read back.</summary>
    public static void WriteXlsxSheets(Stream stream, IReadOnlyList<Sheet> sheets) =>
        stream.SaveAs(
            sheets.ToDictionary(s => s.Name, s => (object)Records(s.Headers, s.Rows)),
            excelType: ExcelType.XLSX);

    private static List<IDictionary<string, object>> Records(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        rows.Select(r => (IDictionary<string, object>)headers.Select((h, i) => (h, (object)r[i])).ToDictionary(p => p.h, p => p.Item2))
            .DefaultIfEmpty(headers.ToDictionary(h => h, _ => (object)string.Empty)).ToList();

    /// <summary>RFC 4180, UTF-8 with a BOM so that Excel on a Chinese Windows opens it without garbling.</summary>
    public static void WriteCsv(Stream stream, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.Write(string.Join(',', headers.Select(Quote)) + "\r\n");
        foreach (var row in rows)
        {
            writer.Write(string.Join(',', row.Select(c => Quote(SafeCell(c)))) + "\r\n");
        }
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    /// <summary>A cell starting with = + - @ would run as a formula when the export is opened in Excel (CSV injection).</summary>
    private static string SafeCell(string cell) =>
        cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal) && !IsPhoneLike(cell) ? "'" + cell : cell;

    private static bool IsPhoneLike(string cell) => cell.All(c => char.IsAsciiDigit(c) || c is '-' or ' ');

    private static IEnumerable<SheetRow> ReadXlsx(Stream stream) => Rows(stream, ExcelType.XLSX);

    private static IEnumerable<SheetRow> ReadCsv(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var utf8 = new MemoryStream(Encoding.UTF8.GetBytes(Decode(buffer.ToArray())));
        return Rows(utf8, ExcelType.CSV).ToList();
    }

    private static IEnumerable<SheetRow> Rows(Stream stream, ExcelType type)
    {
        var number = 1;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: true, excelType: type))
        {
            number++;
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (header, value) in row)
            {
                if (!cells.TryAdd(header.Trim(), Cell(value)))
                {
                    throw new SheetFormatException(new DomainMessage("第 1 行的列名“{0}”出现了不止一次，请删除重复的列后再导入。", header.Trim()));
                }
            }

            yield return new SheetRow(number, cells);
        }
    }

    /// <summary>
    /// UTF-16 when the file starts with its byte-order mark ("Unicode text" from Excel); UTF-8 when the bytes are
    /// valid UTF-8; otherwise GB18030, what Excel writes on a Chinese Windows.
    /// </summary>
    private static string Decode(byte[] bytes)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()!.Trim(),
    };
}
