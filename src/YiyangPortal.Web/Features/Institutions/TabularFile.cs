using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace YiyangPortal.Web.Features.Institutions;

/// <summary>A row of an uploaded sheet: its row number as the user sees it in Excel, and its cells by header.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string header] => Cells.TryGetValue(header, out var v) ? v : string.Empty;
}

/// <summary>Reads and writes the import/export sheets: XLSX or CSV (UTF-8 or GB18030), both read with MiniExcel.</summary>
public static class TabularFile
{
    public const int MaxRows = 5000;
    public const long MaxBytes = 5 * 1024 * 1024;

    static TabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsCsv(string fileName) => fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static bool IsXlsx(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Rows after the header row; blank rows are skipped (Excel leaves them at the end).</summary>
    public static List<SheetRow> Read(Stream stream, string fileName)
    {
        var rows = IsCsv(fileName) ? ReadCsv(stream) : ReadXlsx(stream);
        return rows.Where(r => r.Cells.Values.Any(v => v.Length > 0)).ToList();
    }

    public static void WriteXlsx(Stream stream, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        stream.SaveAs(
            rows.Select(r => (IDictionary<string, object>)headers.Select((h, i) => (h, (object)r[i])).ToDictionary(p => p.h, p => p.Item2))
                .DefaultIfEmpty(headers.ToDictionary(h => h, _ => (object)string.Empty)),
            excelType: ExcelType.XLSX);

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
            yield return new SheetRow(number, row.ToDictionary(p => p.Key.Trim(), p => Cell(p.Value), StringComparer.Ordinal));
        }
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8; otherwise GB18030, what Excel writes on a Chinese Windows.</summary>
    private static string Decode(byte[] bytes)
    {
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
