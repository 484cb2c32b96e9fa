using FluentValidation;
using YiyangPortal.Documents;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.Institutions;

/// <summary>The fields both kinds of institution share. Strings and nullables, so bad input reaches the validator.</summary>
public abstract class InstitutionForm
{
    public string? Name { get; set; }

    public Guid? CountyId { get; set; }

    public string? CreditCode { get; set; }

    public string? Address { get; set; }

    public string? LegalRepresentative { get; set; }

    public string? ContactPerson { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>The record's row version (xmin) the edit form was rendered with (ADR 051); null for a new one.</summary>
    public uint? Version { get; set; }

    public InstitutionContact Contact() =>
        new(Address ?? string.Empty, LegalRepresentative ?? string.Empty, ContactPerson ?? string.Empty, ContactPhone ?? string.Empty);

    /// <summary>Fills the shared fields from a registered institution.</summary>
    protected void CopyFrom(Institution institution)
    {
        Name = institution.Name;
        CountyId = institution.CountyId;
        CreditCode = institution.CreditCode;
        Address = institution.Address;
        LegalRepresentative = institution.LegalRepresentative;
        ContactPerson = institution.ContactPerson;
        ContactPhone = institution.ContactPhone;
    }
}

/// <summary>Rules shared by the admin forms, the self-service profile and the import (which reuses these validators).</summary>
internal static class InstitutionFormRules
{
    /// <summary>Landlines (0575-88001234), mobiles (13800000000), extensions (-123): digits, hyphens, spaces, 7–20.</summary>
    private static readonly System.Text.RegularExpressions.Regex Phone =
        new(@"^[0-9][0-9\- ]{5,18}[0-9]$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static void ContactRules<T>(AbstractValidator<T> v, AgreementPdfRenderer printer)
        where T : InstitutionForm
    {
        v.RuleFor(f => f.Address).NotEmpty().WithMessage("请填写地址。")
            .MaximumLength(InstitutionContact.MaxAddressLength).WithMessage(new DomainMessage("地址不能超过 {0} 个字。", InstitutionContact.MaxAddressLength));
        v.RuleFor(f => f.LegalRepresentative).NotEmpty().WithMessage("请填写法定代表人。")
            .MaximumLength(InstitutionContact.MaxPersonLength).WithMessage(new DomainMessage("姓名不能超过 {0} 个字。", InstitutionContact.MaxPersonLength));
        v.RuleFor(f => f.ContactPerson).NotEmpty().WithMessage("请填写联系人。")
            .MaximumLength(InstitutionContact.MaxPersonLength).WithMessage(new DomainMessage("姓名不能超过 {0} 个字。", InstitutionContact.MaxPersonLength));
        // The address and the two names are printed in the agreement (its parties' block).
        v.RuleFor(f => f.Address).Printable(printer);
        v.RuleFor(f => f.LegalRepresentative).Printable(printer);
        v.RuleFor(f => f.ContactPerson).Printable(printer);
        v.RuleFor(f => f.ContactPhone).NotEmpty().WithMessage("请填写联系电话。")
            .Must(p => p is null || Phone.IsMatch(p.Trim())).WithMessage("联系电话格式不正确，例如 0575-88001234 或 13800000000。");
    }

    public static void IdentityRules<T>(AbstractValidator<T> v, bool creditCodeRequired, AgreementPdfRenderer printer)
        where T : InstitutionForm
    {
        v.RuleFor(f => f.Name).NotEmpty().WithMessage("请填写机构名称。")
            .MaximumLength(100).WithMessage("机构名称不能超过 100 个字。");
        // The name is printed in the agreement and drawn on the institution's seal, in the same fonts.
        v.RuleFor(f => f.Name).Printable(printer);
        v.RuleFor(f => f.CountyId).NotNull().WithMessage("请选择所在区县。");
        v.RuleFor(f => f.CreditCode).Custom((code, context) =>
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                if (creditCodeRequired)
                {
                    context.AddFailure("请填写统一社会信用代码。");
                }

                return;
            }

            if (!UnifiedSocialCreditCode.TryParse(code, out _, out var error))
            {
                context.AddFailure(error!);
            }
        });
    }

    public static UnifiedSocialCreditCode? ParseCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : UnifiedSocialCreditCode.Parse(code);
}
