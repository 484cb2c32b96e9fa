using FluentValidation;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.Institutions;

/// <summary>
/// Validates a whole sheet before anything is written: every row through the same validator as the form, plus
/// duplicates within the file and against the register. Any error rejects the file (the caller saves nothing).
/// </summary>
public static class InstitutionImporter
{
    /// <param name="uniqueKeys">Per row, the values that must be unique: (column header, value).</param>
    /// <param name="taken">Per column header, the values already in the register.</param>
    public static List<ImportError> Validate<TForm>(
        IReadOnlyList<SheetRow> rows,
        IInstitutionSheet<TForm> sheet,
        IValidator<TForm> validator,
        IReadOnlyDictionary<string, Guid> counties,
        Func<TForm, IEnumerable<(string Column, string? Value)>> uniqueKeys,
        IReadOnlyDictionary<string, IReadOnlySet<string>> taken,
        List<TForm> forms)
    {
        var errors = new List<ImportError>();
        if (rows.Count == 0)
        {
            errors.Add(new ImportError(0, string.Empty, "文件中没有数据行。"));
            return errors;
        }

        if (rows.Count > TabularFile.MaxRows)
        {
            errors.Add(new ImportError(0, string.Empty, "一次最多导入 {0} 行，请拆分文件。", TabularFile.MaxRows));
            return errors;
        }

        var missing = sheet.Headers.Where(h => !rows[0].Cells.ContainsKey(h)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(1, string.Empty, "缺少列：{0}。请使用导入模板。", string.Join("、", missing)));
            return errors;
        }

        var seen = new Dictionary<(string, string), int>();
        foreach (var row in rows)
        {
            var cellErrors = new List<ImportError>();
            var form = sheet.Read(row, counties, cellErrors);
            errors.AddRange(cellErrors);
            var parsedColumns = cellErrors.Select(e => e.Column).ToHashSet(StringComparer.Ordinal);
            foreach (var failure in validator.Validate(form).Errors)
            {
                var column = sheet.HeaderOf(failure.PropertyName) ?? string.Empty;
                if (!parsedColumns.Contains(column))
                {
                    errors.Add(new ImportError(row.Number, column, failure.Text()));
                }
            }

            foreach (var (column, value) in uniqueKeys(form))
            {
                var key = value?.Trim().ToUpperInvariant();
                if (string.IsNullOrEmpty(key)) { continue; }
                if (seen.TryGetValue((column, key), out var first))
                {
                    errors.Add(new ImportError(row.Number, column, "与第 {0} 行重复。", first));
                }
                else
                {
                    seen[(column, key)] = row.Number;
                    if (taken.TryGetValue(column, out var existing) && existing.Contains(key))
                    {
                        errors.Add(new ImportError(row.Number, column, "本市已登记此机构，不能重复导入；如需修改请在机构列表中编辑。"));
                    }
                }
            }

            forms.Add(form);
        }

        return errors;
    }
}
