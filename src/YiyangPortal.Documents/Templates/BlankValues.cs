using System.Globalization;

namespace YiyangPortal.Documents.Templates;

/// <summary>Fills the blanks of the templates (the {Key|marker} placeholders) from the model.</summary>
internal static class BlankValues
{
    /// <summary>The text for a blank, or null when the agreement has no value yet (printed as an underlined gap).</summary>
    public static string? Resolve(AgreementDocumentModel model, string key) => key switch
    {
        "ElderCare.Name" => NullIfEmpty(model.ElderCareParty.Name),
        "Medical.Name" => NullIfEmpty(model.MedicalParty.Name),
        "ElderCare.Address" => NullIfEmpty(model.ElderCareParty.Address),
        "Medical.Address" => NullIfEmpty(model.MedicalParty.Address),
        "ElderCare.Signer" => Signer(model.ElderCareParty, model.ElderCareSignature),
        "Medical.Signer" => Signer(model.MedicalParty, model.MedicalSignature),
        "ClinicSite" => Site(model.ClinicSite),
        "ClinicSessionsPerMonth" => Number(model.ClinicSessionsPerMonth),
        "ClinicDoctorCount" => Number(model.ClinicDoctorCount),
        "WardRoundsPerMonth" => Number(model.WardRoundsPerMonth),
        "WardRoundDoctorCount" => Number(model.WardRoundDoctorCount),
        "ConsultationFeeChief" => Money(model.ConsultationFeeChief),
        "ConsultationFeeAssociateChief" => Money(model.ConsultationFeeAssociateChief),
        "ConsultationFeeIntermediate" => Money(model.ConsultationFeeIntermediate),
        "MedicalCostPayment" => Payment(model.MedicalCostPayment),
        "AnnualHealthServiceFee" => Money(model.AnnualHealthServiceFee),
        // Issue 11 point 2 and ADR 049: the PDF names the real bureaus as the register names them (越城区民政局,
        // 柯桥区卫生健康委员会, a merged 社会事业局), not the template's XXX民政局 or 委（局） alternative.
        "CivilAffairsBureau" => BureauName(model.CivilAffairsBureau, "民政局"),
        "HealthBureau" => BureauName(model.HealthBureau, "卫生健康局", "卫生健康委（局）", "卫生健康委(局)"),
        _ => DatePart(model, key),
    };

    /// <summary>
    /// A bureau's own name — one ending in 局, 委员会 or 委 (越城区民政局, 绍兴市卫生健康委员会, 柯桥区社会事业局) — as given;
    /// a bare place name (越城区), or one ending in the template's <paramref name="alternatives"/> (越城区卫生健康委（局）),
    /// read as that place's <paramref name="usual"/> bureau.
    /// </summary>
    private static string? BureauName(string? value, string usual, params string[] alternatives)
    {
        if (NullIfEmpty(value) is not { } name)
        {
            return null;
        }

        foreach (var alternative in alternatives)
        {
            if (name.EndsWith(alternative, StringComparison.Ordinal))
            {
                return name[..^alternative.Length] + usual;
            }
        }

        return name.EndsWith('局') || name.EndsWith('委') || name.EndsWith("委员会", StringComparison.Ordinal) ? name : name + usual;
    }

    /// <summary>Width of the underlined gap of an empty blank, in em.</summary>
    public static float GapEm(string key, string marker)
    {
        // Not a blank of the official text: nothing is printed until the drafter chooses (附件1 一).
        if (key == "ClinicSite")
        {
            return 0;
        }

        if (key.EndsWith(".Name", StringComparison.Ordinal) || key.EndsWith(".Address", StringComparison.Ordinal))
        {
            return 12;
        }
        if (key.EndsWith(".Signer", StringComparison.Ordinal))
        {
            return 6;
        }
        if (key.EndsWith(".Year", StringComparison.Ordinal))
        {
            return 3;
        }
        if (key.EndsWith(".Month", StringComparison.Ordinal) || key.EndsWith(".Day", StringComparison.Ordinal))
        {
            return 2;
        }
        return Math.Max(3, marker.Length);
    }

    private static string? DatePart(AgreementDocumentModel model, string key)
    {
        var dot = key.LastIndexOf('.');
        var date = key[..dot] switch
        {
            "ValidFrom" => model.ValidFrom,
            "ValidTo" => model.ValidTo,
            "ElderCare.SignedOn" => SignedOn(model.ElderCareSignature),
            "Medical.SignedOn" => SignedOn(model.MedicalSignature),
            _ => throw new InvalidOperationException($"Unknown template blank '{key}'."),
        };
        if (date is not { } d)
        {
            return null;
        }
        var part = key[(dot + 1)..] switch
        {
            "Year" => d.Year,
            "Month" => d.Month,
            "Day" => d.Day,
            _ => throw new InvalidOperationException($"Unknown template blank '{key}'."),
        };
        return part.ToString(CultureInfo.InvariantCulture);
    }

    private static DateOnly? SignedOn(PartySignature? signature) =>
        signature is null ? null : Formatting.BeijingDate(signature.SignedAt);

    // The person who actually signed wins over the representative named while drafting.
    private static string? Signer(AgreementParty party, PartySignature? signature) =>
        NullIfEmpty(signature?.SignerName) ?? NullIfEmpty(party.RepresentativeName);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Money(decimal? value) => value is { } v ? Formatting.Money(v) : null;

    // 附件1 一 甲方内设医疗机构或乙方延伸设置医务室的: the sentence names which of the two the agreement stands on.
    private static string? Site(ClinicSite? site) => site switch
    {
        null => null,
        ClinicSite.InternalMedicalInstitution => "本协议的医疗服务站点设在甲方内设医疗机构。",
        ClinicSite.ExtendedClinicRoom => "本协议的医疗服务站点为乙方在甲方延伸设置的医务室。",
        _ => throw new ArgumentOutOfRangeException(nameof(site), site, null),
    };

    // 附件1 五 lists the three choices in brackets after the blank; the blank takes the chosen wording verbatim.
    private static string? Payment(MedicalCostPayment? payment) => payment switch
    {
        null => null,
        MedicalCostPayment.ResidentPays => "甲方康养人员自理",
        MedicalCostPayment.ElderCareInstitutionGuarantees => "甲方担保",
        MedicalCostPayment.ElderCareInstitutionPays => "甲方统一支付",
        _ => throw new ArgumentOutOfRangeException(nameof(payment), payment, null),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
