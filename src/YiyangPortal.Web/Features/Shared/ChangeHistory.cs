using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Shared;

public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>One recorded change as a reader sees it: Beijing time, who, and the fields with labels.</summary>
public sealed record ChangeView(DateTimeOffset At, string Actor, bool Created, IReadOnlyList<FieldChange> Fields)
{
    public string AtText => At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Reads the change records of one entity and labels them for the page.</summary>
public static class ChangeHistory
{
    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["Name"] = "机构名称",
        ["CountyId"] = "所在区县",
        ["Kind"] = "类型",
        ["Grade"] = "等级",
        ["RegistrationNumber"] = "备案（登记）号",
        ["LicenseNumber"] = "执业许可证登记号（备案号）",
        ["CreditCode"] = "统一社会信用代码",
        ["Address"] = "地址",
        ["Beds"] = "床位数",
        ["Residents"] = "在住人数",
        ["HasInternalMedicalInstitution"] = "内设医疗机构",
        ["IsApplyingForInternalMedicalInstitution"] = "内设医疗机构申办中",
        ["HasTcmQualification"] = "中医药资质",
        ["IsMedicalInsuranceDesignated"] = "医保定点",
        ["LegalRepresentative"] = "法定代表人",
        ["ContactPerson"] = "联系人",
        ["ContactPhone"] = "联系电话",
        ["IsActive"] = "状态",
    };

    public static async Task<IReadOnlyList<ChangeView>> ForAsync(
        PortalDbContext db, string entityType, Guid id, CancellationToken cancellationToken = default)
    {
        var records = await db.ChangeRecords.AsNoTracking()
            .Where(r => r.EntityType == entityType && r.EntityId == id)
            .OrderByDescending(r => r.OccurredAt).Take(50)
            .ToListAsync(cancellationToken);
        var counties = await db.Counties.AsNoTracking().ToDictionaryAsync(c => c.Id.ToString(), c => c.Name, cancellationToken);
        return records.ConvertAll(r => new ChangeView(
            r.OccurredAt,
            r.ActorName,
            r.Action == "created",
            JsonSerializer.Deserialize<Dictionary<string, Change>>(r.Changes)!
                .Select(p => new FieldChange(
                    FieldLabels.GetValueOrDefault(p.Key, p.Key),
                    Display(p.Key, p.Value.Before, counties),
                    Display(p.Key, p.Value.After, counties)))
                .ToList()));
    }

    private static string? Display(string field, string? value, Dictionary<string, string> counties) => (field, value) switch
    {
        (_, null) => null,
        ("IsActive", "true") => "在用",
        ("IsActive", "false") => "已停用",
        (_, "true") => "是",
        (_, "false") => "否",
        ("CountyId", _) => counties.GetValueOrDefault(value, value),
        ("Kind", _) when Enum.TryParse<ElderCareInstitutionKind>(value, out var e) => Labels.Of(e),
        ("Kind", _) when Enum.TryParse<MedicalInstitutionKind>(value, out var m) => Labels.Of(m),
        ("Grade", _) when Enum.TryParse<HospitalGrade>(value, out var g) => Labels.Of(g),
        _ => value,
    };

    private sealed record Change(string? Before, string? After);
}
