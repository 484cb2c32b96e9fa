using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace YiyangPortal.Web.Validation;

/// <summary>
/// MVC's own messages when a value cannot even be bound (letters in a number field): Chinese, like the validators',
/// so a clerk never meets "The value 'abc' is not valid".
/// </summary>
internal static class ChineseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustBeANumberAccessor(_ => "请输入数字。");
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”不是有效的值。");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        messages.SetUnknownValueIsInvalidAccessor(_ => "输入的值无效。");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "输入的值无效。");
        messages.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        messages.SetValueMustNotBeNullAccessor(_ => "请填写此项。");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "请输入数字。");
        messages.SetMissingBindRequiredValueAccessor(_ => "请填写此项。");
        messages.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容为空。");
    }
}
