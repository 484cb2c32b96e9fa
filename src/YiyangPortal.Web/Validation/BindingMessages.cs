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
        options.ModelMetadataDetailsProviders.Add(new DateMessages(l, messages));
    }

    /// <summary>A date field that cannot be read says what it expects ("请输入有效的日期，如 2026-12-31"), not just "invalid".</summary>
    private sealed class DateMessages(IStringLocalizer l, DefaultModelBindingMessageProvider general) : IBindingMetadataProvider
    {
        private static readonly Type[] Dates = [typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset)];

        public void CreateBindingMetadata(BindingMetadataProviderContext context)
        {
            var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
            if (!Dates.Contains(type))
            {
                return;
            }

            var messages = new DefaultModelBindingMessageProvider(general);
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => l["“{0}”不是有效的日期。请输入有效的日期，如 2026-12-31。", value]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["“{0}”不是有效的日期。请输入有效的日期，如 2026-12-31。", value]);
            messages.SetValueIsInvalidAccessor(value => l["“{0}”不是有效的日期。请输入有效的日期，如 2026-12-31。", value]);
            messages.SetUnknownValueIsInvalidAccessor(_ => l["请输入有效的日期，如 2026-12-31。"]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["请输入有效的日期，如 2026-12-31。"]);
            context.BindingMetadata.ModelBindingMessageProvider = messages;
        }
    }
}
