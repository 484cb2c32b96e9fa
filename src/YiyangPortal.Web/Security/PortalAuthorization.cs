using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Filings;

namespace YiyangPortal.Web.Security;

/// <summary>
/// The named policies the controllers ask for (issue 13 point 4): the one place that says which roles a kind of
/// page is for. Controllers write <c>[Authorize(Policy = PortalPolicies.X)]</c>, never role names.
/// </summary>
public static class PortalPolicies
{
    public const string ElderCareStaff = nameof(PortalRole.ElderCareStaff);
    public const string MedicalAdmin = nameof(PortalRole.MedicalAdmin);
    public const string Regulator = nameof(PortalRole.Regulator);
    public const string TenantAdmin = nameof(PortalRole.TenantAdmin);
    public const string PlatformAdmin = nameof(PortalRole.PlatformAdmin);

    /// <summary>The two parties of an agreement: they draft, review, sign, file and seal.</summary>
    public const string AgreementParties = "AgreementParties";

    /// <summary>Everyone who reads agreements: the parties, the regulators and the tenant admin.</summary>
    public const string AgreementReaders = "AgreementReaders";

    /// <summary>Everyone with filings: the parties file, the regulators review.</summary>
    public const string FilingUsers = "FilingUsers";

    /// <summary>Who reads an agreement's 履约情况报告: its two parties and its regulators (ADR 040).</summary>
    public const string FulfilmentReaders = "FulfilmentReaders";

    /// <summary>Each policy and the roles it admits.</summary>
    public static IReadOnlyDictionary<string, PortalRole[]> Roles { get; } = new Dictionary<string, PortalRole[]>
    {
        [ElderCareStaff] = [PortalRole.ElderCareStaff],
        [MedicalAdmin] = [PortalRole.MedicalAdmin],
        [Regulator] = [PortalRole.Regulator],
        [TenantAdmin] = [PortalRole.TenantAdmin],
        [PlatformAdmin] = [PortalRole.PlatformAdmin],
        [AgreementParties] = [PortalRole.ElderCareStaff, PortalRole.MedicalAdmin],
        [AgreementReaders] = [PortalRole.ElderCareStaff, PortalRole.MedicalAdmin, PortalRole.Regulator, PortalRole.TenantAdmin],
        [FilingUsers] = [PortalRole.ElderCareStaff, PortalRole.MedicalAdmin, PortalRole.Regulator],
        [FulfilmentReaders] = [PortalRole.ElderCareStaff, PortalRole.MedicalAdmin, PortalRole.Regulator],
    };

    /// <summary>The policies and the resource-based handlers (<see cref="AgreementAuthorizationHandler"/>, …).</summary>
    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        var builder = services.AddAuthorizationBuilder();
        foreach (var (name, roles) in Roles)
        {
            builder.AddPolicy(name, policy => policy.RequireRole(roles.Select(r => r.ToString())));
        }

        services.AddScoped<IAuthorizationHandler, AgreementAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, FulfilmentAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, EvidenceAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, FilingAuthorizationHandler>();
        return services;
    }
}

/// <summary>May this user take this step on this agreement (the resource)?</summary>
public sealed record AgreementRequirement(AgreementAction Action) : IAuthorizationRequirement
{
    public static IReadOnlyList<AgreementRequirement> All { get; } =
        Enum.GetValues<AgreementAction>().Select(a => new AgreementRequirement(a)).ToArray();
}

/// <summary>May this user download this agreement's evidence package (出证)?</summary>
public sealed record EvidenceRequirement : IAuthorizationRequirement
{
    public static EvidenceRequirement Download { get; } = new();
}

/// <summary>May this user read this agreement's 履约情况 (its plan, records and answers; ADR 047)?</summary>
public sealed record FulfilmentRequirement : IAuthorizationRequirement
{
    public static FulfilmentRequirement Read { get; } = new();
}

/// <summary>The two things done to a filing: the parties submit it, the county bureau reviews it.</summary>
public sealed record FilingRequirement(string Name) : IAuthorizationRequirement
{
    public static FilingRequirement Submit { get; } = new(nameof(Submit));

    public static FilingRequirement Review { get; } = new(nameof(Review));
}

/// <summary>
/// A party of the agreement (its own institution, <see cref="CurrentUser.SideOf"/>) may take a step when the aggregate
/// permits it for that side (<see cref="Agreement.May"/>); nobody else may.
/// </summary>
public sealed class AgreementAuthorizationHandler : AuthorizationHandler<AgreementRequirement, Agreement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AgreementRequirement requirement, Agreement resource)
    {
        if (CurrentUser.From(context.User)?.SideOf(resource) is { } side && resource.May(side, requirement.Action))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// 履约情况 (issue 15, ADR 047): its two parties, and the regulators who see the agreement
/// (<see cref="AgreementAccess.VisibleTo"/>: their county, once it came into force) when it has a record of its own
/// (<see cref="Agreement.HasFulfilment"/>). The regulators read; what a party may do on the page is
/// <see cref="AgreementRequirement"/>'s answer.
/// </summary>
public sealed class FulfilmentAuthorizationHandler(PortalDbContext db) : AuthorizationHandler<FulfilmentRequirement, Agreement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, FulfilmentRequirement requirement, Agreement resource)
    {
        var me = CurrentUser.From(context.User);
        if (me?.SideOf(resource) is not null
            || (me is { Role: PortalRole.Regulator } && resource.HasFulfilment
                && await db.Agreements.VisibleTo(db, me).AnyAsync(a => a.Id == resource.Id)))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// 出证 (issue 14): the two parties and the regulators who received one of its filings (<see cref="FilingScope"/>),
/// once the agreement has an executed original.
/// </summary>
public sealed class EvidenceAuthorizationHandler(PortalDbContext db) : AuthorizationHandler<EvidenceRequirement, Agreement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, EvidenceRequirement requirement, Agreement resource)
    {
        if (CurrentUser.From(context.User) is { } me && await FilingScope.Visible(db, me).AnyAsync(f => f.AgreementId == resource.Id))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// Either party files while the filing waits for them; only a regulator of the filing's bureau and county reviews it
/// (<see cref="Filing.MayBeSubmittedBy"/>, <see cref="Filing.MayBeReviewedBy"/>). Which filings a user reaches at all
/// is <see cref="FilingScope"/>.
/// </summary>
public sealed class FilingAuthorizationHandler : AuthorizationHandler<FilingRequirement, Filing>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, FilingRequirement requirement, Filing resource)
    {
        var me = CurrentUser.From(context.User);
        var allowed = requirement == FilingRequirement.Submit
            ? me?.Party is { } party && resource.MayBeSubmittedBy(party)
            : me?.Assignment is { } reviewer && resource.MayBeReviewedBy(reviewer);
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
