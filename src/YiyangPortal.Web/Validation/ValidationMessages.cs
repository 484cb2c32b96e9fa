using FluentValidation;
using FluentValidation.Results;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Web.Validation;

/// <summary>
/// How a FluentValidation message becomes a <see cref="DomainMessage"/>, so that it reaches the user through the one
/// translator of ADR 028 (<c>L.Message</c>, ADR 032). A fixed message is written as a Chinese literal,
/// <c>WithMessage("请填写地址。")</c>: the literal is the key. A message with arguments is written as a template,
/// <c>WithMessage(new DomainMessage("地址不能超过 {0} 个字。", Max))</c>, never as an interpolated string, whose text
/// would differ per value and match no key; the validator carries the template as the failure's state.
/// </summary>
public static class ValidationMessages
{
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, DomainMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return rule.WithMessage(message.ToString()).WithState(_ => message);
    }

    /// <summary>A message that depends on the form (a domain rule's problem); empty when the rule has none.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, Func<T, DomainMessage?> message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return rule.WithMessage(f => message(f)?.ToString() ?? string.Empty)
            .WithState(f => (object)message(f)!);
    }

    /// <summary>The failure's message: its template and arguments, or the Chinese literal itself as the key.</summary>
    public static DomainMessage Text(this ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.CustomState as DomainMessage ?? new DomainMessage(failure.ErrorMessage);
    }
}
