using System.Collections.Concurrent;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace YiyangPortal.Web.Validation;

/// <summary>
/// Runs the FluentValidation validator of every action argument that has one and puts its messages into
/// ModelState under the property names, so the form shows each message next to its field, in the user's language
/// (the Chinese text or template is the key, <see cref="ValidationMessages"/>, ADR 032).
/// (FluentValidation.AspNetCore is deprecated; this is the small explicit replacement.)
/// </summary>
public sealed class FluentValidationFilter(IServiceProvider services, IStringLocalizer<SharedResource> l) : IAsyncActionFilter
{
    // IValidator<T> per argument type, made once rather than by reflection on every request.
    private static readonly ConcurrentDictionary<Type, Type> ValidatorTypes = new();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is null)
            {
                continue;
            }

            var validatorType = ValidatorTypes.GetOrAdd(argument.GetType(), t => typeof(IValidator<>).MakeGenericType(t));
            if (services.GetService(validatorType) is not IValidator validator)
            {
                continue;
            }

            var result = await validator.ValidateAsync(
                new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            foreach (var error in result.Errors)
            {
                context.ModelState.AddModelError(error.PropertyName, l.Message(error.Text()));
            }
        }

        await next();
    }
}
