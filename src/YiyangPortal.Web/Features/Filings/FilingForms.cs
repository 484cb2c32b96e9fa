using FluentValidation;

namespace YiyangPortal.Web.Features.Filings;

/// <summary>报送 / 重新报送: an optional note and an optional scanned, stamped copy.</summary>
public sealed class SubmitFilingForm
{
    public string? Note { get; set; }

    public IFormFile? Scan { get; set; }
}

/// <summary>需补正: the regulator says what to correct and by when (issue 11 point 10).</summary>
public sealed class ReturnFilingForm
{
    public string? Reason { get; set; }

    public DateOnly? CorrectionDueDate { get; set; }
}

public sealed class SubmitFilingFormValidator : AbstractValidator<SubmitFilingForm>
{
    public SubmitFilingFormValidator()
    {
        RuleFor(f => f.Note).MaximumLength(500).WithMessage("说明不能超过 500 个字。");
        RuleFor(f => f.Scan).Must(s => s is null || s.Length <= Domain.Filings.FilingAttachment.MaxBytes)
            .WithMessage("扫描件不能超过 10 MB。");
    }
}

public sealed class ReturnFilingFormValidator : AbstractValidator<ReturnFilingForm>
{
    public ReturnFilingFormValidator()
    {
        RuleFor(f => f.Reason).NotEmpty().WithMessage("请填写需要补正的内容。")
            .MaximumLength(500).WithMessage("补正内容不能超过 500 个字。");
        RuleFor(f => f.CorrectionDueDate).NotNull().WithMessage("请填写补正截止日期。");
    }
}
