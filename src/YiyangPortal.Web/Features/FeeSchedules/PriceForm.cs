using FluentValidation;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Web.Validation;

namespace YiyangPortal.Web.Features.FeeSchedules;

/// <summary>Publishing one item's price from a date. Price is a decimal string bound to decimal: never a double.</summary>
public sealed class PriceForm
{
    public Guid? ServiceItemId { get; set; }

    public decimal? Price { get; set; }

    public ServiceUnit? Unit { get; set; }

    public Funding? Funding { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}

public sealed class PriceFormValidator : AbstractValidator<PriceForm>
{
    public PriceFormValidator()
    {
        RuleFor(f => f.ServiceItemId).NotNull().WithMessage("请选择服务项目。");
        RuleFor(f => f.Price).NotNull().WithMessage("请填写价格（免费填 0）。")
            .GreaterThanOrEqualTo(0).WithMessage("价格不能为负数。")
            .LessThanOrEqualTo(FeeSchedule.MaxItemPriceYuan).WithMessage(new DomainMessage("单价不能超过 {0:#,0} 元，请核对。", FeeSchedule.MaxItemPriceYuan))
            .Must(p => p is null || decimal.Round(p.Value, 2) == p).WithMessage("价格最多保留两位小数（精确到分）。");
        RuleFor(f => f.Unit).NotNull().WithMessage("请选择计价单位。").IsInEnum().WithMessage("请选择计价单位。");
        RuleFor(f => f.Funding).NotNull().WithMessage("请选择支付方式。").IsInEnum().WithMessage("请选择支付方式。");
        RuleFor(f => f.ValidFrom).NotNull().WithMessage("请填写生效日期。");
        RuleFor(f => f.ValidTo).Must((f, to) => to is null || f.ValidFrom is null || to >= f.ValidFrom)
            .WithMessage("结束日期不能早于生效日期。");
    }
}

/// <summary>会诊费 for one professional title from a date (绍兴附件1 三).</summary>
public sealed class ConsultationFeeForm
{
    public ProfessionalTitle? Title { get; set; }

    public decimal? Price { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}

public sealed class ConsultationFeeFormValidator : AbstractValidator<ConsultationFeeForm>
{
    public ConsultationFeeFormValidator()
    {
        RuleFor(f => f.Title).NotNull().WithMessage("请选择职称。").IsInEnum().WithMessage("请选择职称。");
        RuleFor(f => f.Price).NotNull().WithMessage("请填写会诊费。")
            .GreaterThanOrEqualTo(0).WithMessage("会诊费不能为负数。")
            .LessThanOrEqualTo(FeeSchedule.MaxConsultationFeeYuan).WithMessage(new DomainMessage("会诊费不能超过 {0:#,0} 元/次，请核对。", FeeSchedule.MaxConsultationFeeYuan))
            .Must(p => p is null || decimal.Round(p.Value, 2) == p).WithMessage("金额最多保留两位小数（精确到分）。");
        RuleFor(f => f.ValidFrom).NotNull().WithMessage("请填写生效日期。");
        RuleFor(f => f.ValidTo).Must((f, to) => to is null || f.ValidFrom is null || to >= f.ValidFrom)
            .WithMessage("结束日期不能早于生效日期。");
    }
}
