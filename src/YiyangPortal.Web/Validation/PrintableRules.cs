using FluentValidation;
using FluentValidation.Results;
using YiyangPortal.Documents;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Web.Validation;

/// <summary>
/// Text that is printed in an agreement, its audit certificate or a seal (names, addresses, representatives, item
/// names, signers) must be printable by the agreement's fonts (ADR 007): a character they lack (an emoji, a rare
/// ideograph outside the font) would otherwise be saved and only fail when the PDF is rendered, at signing.
/// The check is the renderer's own (<see cref="AgreementPdfRenderer.Unprintable"/>); the message names the character.
/// </summary>
public static class PrintableRules
{
    /// <summary>The message for a character the fonts lack; one template for forms and actions.</summary>
    public static DomainMessage Problem(string character) =>
        new("“{0}”无法打印在协议文本中，请删除或改用常用字。", character);

    /// <summary>Refuses text with a character the agreement's fonts cannot print, with the message next to the field.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> Printable<T>(this IRuleBuilder<T, string?> rule, AgreementPdfRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        return rule.Custom((value, context) =>
        {
            if (renderer.Unprintable(value) is { } character)
            {
                var message = Problem(character);
                context.AddFailure(new ValidationFailure(context.PropertyPath, message.ToString()) { CustomState = message });
            }
        });
    }

    /// <summary>The trimmed text, or a <see cref="DomainException"/> naming the character the fonts cannot print.</summary>
    public static string Printed(this AgreementPdfRenderer renderer, string text)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        return renderer.Unprintable(text) is { } character ? throw new DomainException(Problem(character)) : text;
    }
}
