using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace YiyangPortal.Web.Validation;

/// <summary>
/// Binds every string (form, query, route) without NUL characters: no keyboard types one, PostgreSQL cannot store
/// one (22021), and the rest of what was typed is kept. Otherwise exactly MVC's own string binding (empty or
/// whitespace → null where the model allows it).
/// </summary>
public sealed class NulFreeStringBinderProvider : IModelBinderProvider
{
    private static readonly NulFreeStringBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) ? Binder : null;
}

public sealed class NulFreeStringBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        var value = result.FirstValue?.Replace("\0", string.Empty, StringComparison.Ordinal);
        bindingContext.Result = ModelBindingResult.Success(
            bindingContext.ModelMetadata.ConvertEmptyStringToNull && string.IsNullOrWhiteSpace(value) ? null : value);
        return Task.CompletedTask;
    }
}
