using YiyangPortal.Web.Features.Shared;

namespace YiyangPortal.Web.Features.Institutions;

/// <summary>One labelled form field: a text input, or a select when <see cref="Options"/> is given (value, label key).</summary>
public sealed record FieldModel(
    string Name,
    string Label,
    bool Required,
    IReadOnlyList<(string Value, string Label)>? Options,
    string? Value,
    string Hint = "",
    string Type = "text",
    string Width = "col-md-6");

/// <summary>Deactivate/reactivate and the change history under an edit form.</summary>
public sealed record LifecycleModel(string BaseUrl, bool IsActive, IReadOnlyList<ChangeView> History);
