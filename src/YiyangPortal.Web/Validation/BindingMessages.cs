using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace YiyangPortal.Web.Validation;

/// <summary>
/// MVC's own messages when a value cannot even be bound (letters in a number field): Chinese keys like the
/// validators', read in the user's language when the message is made (ADR 032), so a clerk never meets
/// "The value 'abc' is not valid". The value is an argument of the template, not part of the key.
/// </summary>
internal sealed class BindingMessages(IStringLocalizer<SharedResource> l) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueMustBeANumberAccessor(_ => l["请输入数字。"]);
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => l["“{0}”不是有效的值。", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["“{0}”不是有效的值。", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => l["输入的值无效。"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["输入的值无效。"]);
        messages.SetValueIsInvalidAccessor(value => l["“{0}”不是有效的值。", value]);
        messages.SetValueMustNotBeNullAccessor(_ => l["请填写此项。"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["请输入数字。"]);
        messages.SetMissingBindRequiredValueAccessor(_ => l["请填写此项。"]);
        messages.SetMissingKeyOrValueAccessor(() => l["请填写此项。"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => l["请求内容为空。"]);
    }
}
