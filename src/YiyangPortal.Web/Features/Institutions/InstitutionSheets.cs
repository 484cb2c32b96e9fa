using System.Globalization;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Web.Features.Shared;

namespace YiyangPortal.Web.Features.Institutions;

/// <summary>A problem with one cell (or a whole row when <see cref="Column"/> is empty) of an uploaded sheet, as a
/// Chinese template and its arguments (the value, a row number), translated where it is shown (ADR 032).</summary>
public sealed record ImportError(int Row, string Column, DomainMessage Message)
{
    public ImportError(int row, string column, string template, params object?[] arguments)
        : this(row, column, new DomainMessage(template, arguments))
    {
    }
}

/// <summary>
/// The columns of one kind of institution, the same for import and export, so an exported file can be edited and
/// imported into another deployment. <see cref="FormField"/> maps validator property names back to column headers.
/// </summary>
public interface IInstitutionSheet<TForm>
{
    IReadOnlyList<string> Headers { get; }

    string? HeaderOf(string formField);

    TForm Read(SheetRow row, IReadOnlyDictionary<string, Guid> countiesByName, List<ImportError> errors);
}

internal static class SheetCells
{
    private static readonly string[] Yes = ["是", "有", "Y", "YES", "TRUE", "1"];
    private static readonly string[] No = ["否", "无", "N", "NO", "FALSE", "0", ""];

    public static bool YesNo(SheetRow row, string header, List<ImportError> errors)
    {
        var value = row[header].ToUpperInvariant();
        if (Yes.Contains(value)) { return true; }
        if (!No.Contains(value)) { errors.Add(new ImportError(row.Number, header, "“{0}”应填“是”或“否”。", row[header])); }
        return false;
    }

    public static int? Number(SheetRow row, string header, List<ImportError> errors)
    {
        var value = row[header];
        if (value.Length == 0) { return null; }
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) { return n; }
        errors.Add(new ImportError(row.Number, header, "“{0}”不是整数。", value));
        return -1; // keeps the row invalid without a second message
    }

    public static TEnum? Choice<TEnum>(SheetRow row, string header, Func<TEnum, string> label, List<ImportError> errors)
        where TEnum : struct, Enum
    {
        var value = row[header];
        foreach (var option in Enum.GetValues<TEnum>())
        {
            if (label(option) == value) { return option; }
        }

        if (value.Length > 0)
        {
            errors.Add(new ImportError(
                row.Number, header, "“{0}”无法识别，应为：{1}。", value, string.Join("、", Enum.GetValues<TEnum>().Select(label))));
        }

        return null;
    }

    public static Guid? County(SheetRow row, string header, IReadOnlyDictionary<string, Guid> counties, List<ImportError> errors)
    {
        var value = row[header];
        if (counties.TryGetValue(value, out var id)) { return id; }
        if (value.Length > 0) { errors.Add(new ImportError(row.Number, header, "本市没有区县“{0}”。", value)); }
        return null;
    }

    public static string YesNo(bool value) => value ? "是" : "否";
}

public sealed class ElderCareSheet : IInstitutionSheet<ElderCareForm>
{
    private static readonly (string Header, string Field)[] Columns =
    [
        ("机构名称", nameof(ElderCareForm.Name)), ("类型", nameof(ElderCareForm.Kind)), ("区县", nameof(ElderCareForm.CountyId)),
        ("备案（登记）号", nameof(ElderCareForm.RegistrationNumber)), ("统一社会信用代码", nameof(ElderCareForm.CreditCode)),
        ("地址", nameof(ElderCareForm.Address)), ("床位数", nameof(ElderCareForm.Beds)), ("在住人数", nameof(ElderCareForm.Residents)),
        ("内设医疗机构", nameof(ElderCareForm.HasInternalMedicalInstitution)), ("法定代表人", nameof(ElderCareForm.LegalRepresentative)),
        ("联系人", nameof(ElderCareForm.ContactPerson)), ("联系电话", nameof(ElderCareForm.ContactPhone)),
    ];

    public IReadOnlyList<string> Headers { get; } = Columns.Select(c => c.Header).ToArray();

    public string? HeaderOf(string formField) => Columns.FirstOrDefault(c => c.Field == formField).Header;

    public ElderCareForm Read(SheetRow row, IReadOnlyDictionary<string, Guid> counties, List<ImportError> errors) => new()
    {
        Name = row["机构名称"],
        Kind = SheetCells.Choice<ElderCareInstitutionKind>(row, "类型", Labels.Of, errors),
        CountyId = SheetCells.County(row, "区县", counties, errors),
        RegistrationNumber = row["备案（登记）号"],
        CreditCode = row["统一社会信用代码"],
        Address = row["地址"],
        Beds = SheetCells.Number(row, "床位数", errors),
        Residents = SheetCells.Number(row, "在住人数", errors),
        HasInternalMedicalInstitution = SheetCells.YesNo(row, "内设医疗机构", errors),
        LegalRepresentative = row["法定代表人"],
        ContactPerson = row["联系人"],
        ContactPhone = row["联系电话"],
    };

    public static IReadOnlyList<string> Write(ElderCareInstitution i, string county) =>
    [
        i.Name, Labels.Of(i.Kind), county, i.RegistrationNumber, i.CreditCode ?? string.Empty, i.Address,
        i.Beds.ToString(CultureInfo.InvariantCulture), i.Residents.ToString(CultureInfo.InvariantCulture),
        SheetCells.YesNo(i.HasInternalMedicalInstitution), i.LegalRepresentative, i.ContactPerson, i.ContactPhone,
    ];
}

public sealed class MedicalSheet : IInstitutionSheet<MedicalForm>
{
    private static readonly (string Header, string Field)[] Columns =
    [
        ("机构名称", nameof(MedicalForm.Name)), ("类型", nameof(MedicalForm.Kind)), ("等级", nameof(MedicalForm.Grade)),
        ("区县", nameof(MedicalForm.CountyId)), ("执业许可证登记号", nameof(MedicalForm.LicenseNumber)),
        ("统一社会信用代码", nameof(MedicalForm.CreditCode)), ("地址", nameof(MedicalForm.Address)),
        ("中医药资质", nameof(MedicalForm.HasTcmQualification)), ("医保定点", nameof(MedicalForm.IsMedicalInsuranceDesignated)),
        ("法定代表人", nameof(MedicalForm.LegalRepresentative)), ("联系人", nameof(MedicalForm.ContactPerson)),
        ("联系电话", nameof(MedicalForm.ContactPhone)),
    ];

    public IReadOnlyList<string> Headers { get; } = Columns.Select(c => c.Header).ToArray();

    public string? HeaderOf(string formField) => Columns.FirstOrDefault(c => c.Field == formField).Header;

    public MedicalForm Read(SheetRow row, IReadOnlyDictionary<string, Guid> counties, List<ImportError> errors) => new()
    {
        Name = row["机构名称"],
        Kind = SheetCells.Choice<MedicalInstitutionKind>(row, "类型", Labels.Of, errors),
        Grade = SheetCells.Choice<HospitalGrade>(row, "等级", Labels.Of, errors),
        CountyId = SheetCells.County(row, "区县", counties, errors),
        LicenseNumber = row["执业许可证登记号"],
        CreditCode = row["统一社会信用代码"],
        Address = row["地址"],
        HasTcmQualification = SheetCells.YesNo(row, "中医药资质", errors),
        IsMedicalInsuranceDesignated = SheetCells.YesNo(row, "医保定点", errors),
        LegalRepresentative = row["法定代表人"],
        ContactPerson = row["联系人"],
        ContactPhone = row["联系电话"],
    };

    public static IReadOnlyList<string> Write(MedicalInstitution i, string county) =>
    [
        i.Name, Labels.Of(i.Kind), Labels.Of(i.Grade), county, i.LicenseNumber, i.CreditCode ?? string.Empty, i.Address,
        SheetCells.YesNo(i.HasTcmQualification), SheetCells.YesNo(i.IsMedicalInsuranceDesignated),
        i.LegalRepresentative, i.ContactPerson, i.ContactPhone,
    ];
}
