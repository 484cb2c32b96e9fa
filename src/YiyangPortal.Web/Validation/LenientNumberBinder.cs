using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace YiyangPortal.Web.Validation;

/// <summary>Binds int, long and decimal form fields through <see cref="LenientNumbers"/> (every form of the portal).</summary>
public sealed class LenientNumberBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(int) || type == typeof(decimal) ? new LenientNumberBinder(type) : null;
    }
}

public sealed class LenientNumberBinder(Type type) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        var typed = result.FirstValue;
        if (string.IsNullOrWhiteSpace(typed))
        {
            // Empty: null for int?/decimal?; a required non-nullable number reports itself through validation.
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        var whole = type == typeof(int);
        object? value = whole
            ? LenientNumbers.TryParseInt(typed, out var i) ? i : null
            : LenientNumbers.TryParseDecimal(typed, out var d) ? d : null;
        if (value is null)
        {
            var localizer = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, localizer.Message(LenientNumbers.Problem(typed, whole)));
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }

        bindingContext.Result = ModelBindingResult.Success(value);
        return Task.CompletedTask;
    }
}
