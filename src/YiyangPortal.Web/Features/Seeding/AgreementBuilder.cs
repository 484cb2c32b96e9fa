using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Web.Features.Agreements;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// Builds one agreement in any state the way people do in the browser: 甲方 drafts and submits, 乙方 reviews
/// (approves, or proposes a change and returns), both sign the same rendered text, and once in force the parties
/// file and the county bureaus review. Every step is a method of the aggregate (or of <see cref="Filing"/>) saved
/// through <see cref="AgreementWorkflow.SaveAsync"/> or <see cref="FilingWorkflow"/>, at the story's instant, so the
/// result carries its audit chain, notifications, rendered PDFs and filings. Used by the demo seeding and the tests.
/// </summary>
public sealed class AgreementBuilder(SeedingScope scope)
{
    private static readonly TimeSpan Submitting = TimeSpan.FromDays(2);
    private static readonly TimeSpan Reviewing = TimeSpan.FromDays(4);
    private static readonly TimeSpan Signing = TimeSpan.FromDays(6);
    private static readonly TimeSpan SecondSignature = TimeSpan.FromDays(6) + TimeSpan.FromHours(3);

    // Per scope: who acts for each institution and county bureau does not change while seeding.
    private readonly Dictionary<Guid, PartyUser> _users = [];
    private readonly Dictionary<(Bureau, Guid), Guid> _reviewers = [];
    private readonly Dictionary<Guid, County> _counties = [];

    public async Task<Agreement> BuildAsync(AgreementStory story)
    {
        scope.Db.ChangeTracker.Clear();
        var start = story.At - Offset(story.Target);
        var home = await scope.Db.ElderCareInstitutions.AsNoTracking().SingleAsync(i => i.Id == story.HomeId);
        var partner = await scope.Db.MedicalInstitutions.AsNoTracking().SingleAsync(i => i.Id == story.PartnerId);
        var staff = await PartyUserAsync(AgreementParty.ElderCare, home.Id, primaryLevel: false);
        var clinic = await PartyUserAsync(AgreementParty.Medical, partner.Id, partner.IsPrimaryLevel);
        var signing = BeijingTime.DateOf(start + Signing);

        At(start);
        var county = await CountyAsync(home.CountyId);
        var number = story.DocumentNumber ?? await DocumentNumbers.NextAsync(scope.Db, county.DivisionCode, scope.Clock.GetUtcNow());
        var terms = await TermsAsync(story, AgreementTerms.Prefilled(story.Template, county, home, partner), home, partner, staff.Signer, clinic.Signer, signing);
        var agreement = Agreement.Draft(home.TenantId, home.Id, partner.Id, story.Template, number, terms, Actor(staff));
        scope.Db.Agreements.Add(agreement);
        await AddItemsAsync(agreement, story, partner, Actor(staff));

        // Drafting and submitting are saved together (each event keeps its own time): one round trip less a story.
        if (story.Reaches(AgreementStatus.PendingMedicalReview))
        {
            At(start + Submitting);
            agreement.Submit(Actor(staff));
        }

        await SaveAsync(agreement);
        if (story.Reaches(AgreementStatus.ReturnedForRevision))
        {
            At(start + Reviewing);
            ProposeAndReturn(agreement, Actor(clinic), story.WithProposal);
            await SaveAsync(agreement);
            await ReadOldMessagesAsync(agreement);
            return Done(agreement);
        }

        if (story.Reaches(AgreementStatus.PendingSignature))
        {
            At(start + Reviewing);
            foreach (var item in agreement.Items)
            {
                agreement.ApproveItem(Actor(clinic), item.Id);
            }

            agreement.Accept(Actor(clinic));
            await SaveAsync(agreement);
        }

        var (first, second) = story.ElderCareSignsFirst ? (staff, clinic) : (clinic, staff);
        if (story.Reaches(AgreementStatus.PartiallySigned))
        {
            await SignAsync(agreement, start + Signing, first);
        }

        if (story.Reaches(AgreementStatus.Effective))
        {
            await SignAsync(agreement, start + SecondSignature, second);
            await FileAsync(agreement, story, staff, clinic);
        }

        await EndAsync(agreement, story, staff);
        await ReadOldMessagesAsync(agreement);
        return Done(agreement);
    }

    /// <summary>
    /// People read their messages: those about this agreement and its filings that are more than three days old are
    /// marked read a couple of hours after they came, so a first run's inbox shows what is new, not the whole story.
    /// </summary>
    private async Task ReadOldMessagesAsync(Agreement agreement)
    {
        var before = scope.Clock.Latest.AddDays(-3);
        var filings = await scope.Db.Filings.Where(f => f.AgreementId == agreement.Id).Select(f => "/filings/" + f.Id).ToListAsync();
        var links = filings.Append($"/agreements/{agreement.Id}").ToList();
        var old = await scope.Db.Notifications
            .Where(n => (links.Contains(n.Link) || (n.Link == "/filings" && n.Title.Contains(agreement.DocumentNumber)))
                        && n.ReadAtUtc == null && n.CreatedAtUtc < before)
            .ToListAsync();
        foreach (var notification in old)
        {
            notification.MarkRead(notification.CreatedAtUtc.AddHours(2));
        }

        await scope.Db.SaveChangesAsync();
    }

    /// <summary>How long after the draft the target state was reached.</summary>
    private static TimeSpan Offset(AgreementStatus target) => target switch
    {
        AgreementStatus.Draft => TimeSpan.Zero,
        AgreementStatus.PendingMedicalReview => Submitting,
        AgreementStatus.ReturnedForRevision or AgreementStatus.PendingSignature => Reviewing,
        AgreementStatus.PartiallySigned => Signing,
        _ => SecondSignature,
    };

    private void At(DateTimeOffset instant) => scope.Clock.MoveTo(instant);

    private AgreementActor Actor(PartyUser user) => new(user.Party, user.Id, scope.Clock.GetUtcNow());

    private Agreement Done(Agreement agreement)
    {
        scope.Db.ChangeTracker.Clear();
        return agreement;
    }

    private async Task SaveAsync(Agreement agreement)
    {
        if (await scope.Agreements.SaveAsync(agreement, null) != SaveOutcome.Saved)
        {
            throw new InvalidOperationException($"Agreement {agreement.DocumentNumber} changed while it was being built.");
        }
    }

    private async Task SignAsync(Agreement agreement, DateTimeOffset at, PartyUser signer)
    {
        At(at);
        var text = await scope.Agreements.TextForSignatureAsync(agreement);
        agreement.Sign(Actor(signer), signer.Signer, signer.Title, "127.0.0.1", text.Sha256);
        await SaveAsync(agreement);
    }

    /// <summary>已终止 by 甲方 with the story's reason, or 已到期 as the daily sweep marks it once the term has ended.</summary>
    private async Task EndAsync(Agreement agreement, AgreementStory story, PartyUser staff)
    {
        if (story.Target == AgreementStatus.Terminated)
        {
            At(story.TerminatedAt ?? agreement.EffectiveAtUtc!.Value.AddDays(30));
            var actor = Actor(staff);
            agreement.Terminate(actor, story.TerminationReason, BeijingTime.DateOf(actor.AtUtc));
            await SaveAsync(agreement);
        }
        else if (story.Target == AgreementStatus.Expired)
        {
            At(scope.Clock.Latest);
            agreement.Expire(BeijingTime.Today(scope.Clock.Latest));
            await SaveAsync(agreement);
        }
    }

    /// <summary>
    /// 乙方 returns the agreement to 甲方: with a proposal (another frequency for the last item, the others approved) or
    /// with its reason only.
    /// </summary>
    private static void ProposeAndReturn(Agreement agreement, AgreementActor clinic, bool withProposal)
    {
        if (!withProposal)
        {
            agreement.ReturnForRevision(clinic, "请确认服务频次后重新提交。");
            return;
        }

        var proposed = agreement.Items[^1];
        foreach (var item in agreement.Items.Where(i => i.Id != proposed.Id))
        {
            agreement.ApproveItem(clinic, item.Id);
        }

        agreement.ProposeChange(
            clinic, proposed.Id, Math.Max(1, proposed.Frequency / 2), null, "本院人员安排有限，建议减少频次，其余项目同意。");
        agreement.ReturnForRevision(clinic, "请确认修改建议后重新提交。");
    }

    /// <summary>
    /// Moves the filings of an agreement in force on as planned (see <see cref="FilingPlan"/>), each step through
    /// <see cref="FilingWorkflow"/>; returns them as they end up.
    /// </summary>
    public async Task<IReadOnlyList<Filing>> FileAsync(Guid agreementId, FilingPlan civilAffairs, FilingPlan health)
    {
        scope.Db.ChangeTracker.Clear();
        var agreement = await scope.Db.Agreements.AsNoTracking().SingleAsync(a => a.Id == agreementId);
        var home = await scope.Db.ElderCareInstitutions.AsNoTracking().SingleAsync(i => i.Id == agreement.ElderCareInstitutionId);
        var partner = await scope.Db.MedicalInstitutions.AsNoTracking().SingleAsync(i => i.Id == agreement.MedicalInstitutionId);
        var story = new AgreementStory(home.Id, partner.Id, agreement.Template, agreement.Status, agreement.EffectiveAtUtc ?? scope.Clock.Latest)
        {
            CivilAffairs = civilAffairs,
            Health = health,
        };
        await FileAsync(
            agreement, story, await PartyUserAsync(AgreementParty.ElderCare, home.Id, false),
            await PartyUserAsync(AgreementParty.Medical, partner.Id, partner.IsPrimaryLevel));
        scope.Db.ChangeTracker.Clear();
        return await scope.Db.Filings.AsNoTracking().Include(f => f.History).Where(f => f.AgreementId == agreementId)
            .OrderBy(f => f.Bureau).ToListAsync();
    }

    /// <summary>The story's plan for each filing: (re)submitted by a party, accepted or returned by its county bureau.</summary>
    private async Task FileAsync(Agreement agreement, AgreementStory story, PartyUser staff, PartyUser clinic)
    {
        var signedAt = agreement.EffectiveAtUtc!.Value;
        var filings = await scope.Db.Filings.Include(f => f.History)
            .Where(f => f.AgreementId == agreement.Id).OrderBy(f => f.Bureau).ToListAsync();
        foreach (var filing in filings)
        {
            var plan = filing.Bureau == Bureau.CivilAffairs ? story.CivilAffairs : story.Health;
            if (plan.Status == FilingStatus.Pending)
            {
                continue;
            }

            // 甲方 informs the 民政局, 乙方 the 卫生健康局: both are obliged to (2020 guide 六(四)).
            var party = filing.Bureau == Bureau.CivilAffairs ? staff : clinic;
            var at = signedAt.AddDays(plan.SubmittedAfterDays).AddHours(1);
            await StepAsync(at, () => scope.Filings.SubmitAsync(filing, Actor(party), "已上传双方签署的协议文本。"));
            var reviewer = plan.Status == FilingStatus.Submitted && !plan.Corrected ? default : await ReviewerAsync(filing);
            if (plan.Corrected || plan.Status == FilingStatus.Returned)
            {
                await StepAsync(at.AddDays(3), () => scope.Filings.ReturnAsync(
                    filing, reviewer.Role, reviewer.Id, "请补充加盖双方公章的协议扫描件。"));
                if (plan.Status == FilingStatus.Returned)
                {
                    continue;
                }

                at = at.AddDays(5);
                await StepAsync(at, () => scope.Filings.SubmitAsync(filing, Actor(party), "已补充加盖双方公章的扫描件。"));
            }

            if (plan.Status == FilingStatus.Accepted)
            {
                await StepAsync(at.AddDays(3), () => scope.Filings.AcceptAsync(filing, reviewer.Role, reviewer.Id));
            }
        }
    }

    private async Task StepAsync(DateTimeOffset at, Func<Task<SaveOutcome>> step)
    {
        At(at);
        if (await step() != SaveOutcome.Saved)
        {
            throw new InvalidOperationException("A demo filing changed while it was being built.");
        }
    }

    private async Task<(RoleAssignment Role, Guid Id)> ReviewerAsync(Filing filing)
    {
        var role = RoleAssignment.CountyRegulator(filing.Bureau, filing.CountyId);
        if (_reviewers.TryGetValue((filing.Bureau, filing.CountyId), out var known))
        {
            return (role, known);
        }

        var id = await scope.Db.Users.Where(u => u.Role == PortalRole.Regulator && u.Bureau == filing.Bureau && u.CountyId == filing.CountyId)
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Select(u => (Guid?)u.Id).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException($"No {filing.Bureau} regulator account in county {filing.CountyId} to review a demo filing.");
        _reviewers[(filing.Bureau, filing.CountyId)] = id;
        return (role, id);
    }

    /// <summary>The institution's first account: the person who drafts, reviews or signs for it.</summary>
    private async Task<PartyUser> PartyUserAsync(AgreementParty party, Guid institutionId, bool primaryLevel)
    {
        if (_users.TryGetValue(institutionId, out var known))
        {
            return known;
        }

        var user = await scope.Db.Users
            .Where(u => party == AgreementParty.ElderCare
                ? u.Role == PortalRole.ElderCareStaff && u.ElderCareInstitutionId == institutionId
                : u.Role == PortalRole.MedicalAdmin && u.MedicalInstitutionId == institutionId)
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException($"No {party} account for institution {institutionId}: a demo agreement needs one.");

        // "王丽（福乐养老院）" signs as 王丽.
        var name = user.DisplayName.Split('（')[0].Trim();
        var signer = name.Length is > 0 and <= 30 ? name : user.DisplayName[..Math.Min(30, user.DisplayName.Length)];
        var title = party == AgreementParty.ElderCare ? "院长" : primaryLevel ? "主任" : "副院长";
        return _users[institutionId] = new PartyUser(party, user.Id, signer, title);
    }

    private async Task<County> CountyAsync(Guid id)
    {
        if (!_counties.TryGetValue(id, out var county))
        {
            _counties[id] = county = await scope.Db.Counties.AsNoTracking().SingleAsync(c => c.Id == id);
        }

        return county;
    }

    private async Task AddItemsAsync(Agreement agreement, AgreementStory story, MedicalInstitution partner, AgreementActor staff)
    {
        var wanted = story.Items ?? DefaultItems(story.Template, partner);
        var codes = wanted.Select(w => w.Code).ToList();
        var day = BeijingTime.DateOf(staff.AtUtc);
        var prices = await (
            from p in scope.Db.ServicePrices.AsNoTracking()
            join s in scope.Db.FeeSchedules on p.FeeScheduleId equals s.Id
            join i in scope.Db.ServiceItems on p.ServiceItemId equals i.Id
            where s.MedicalInstitutionId == partner.Id && i.IsActive && codes.Contains(i.Code)
                  && p.ValidFrom <= day && (p.ValidTo == null || p.ValidTo >= day)
            select new { Item = i, Price = p }).ToListAsync();
        foreach (var (code, frequency) in wanted)
        {
            if (prices.Find(c => c.Item.Code == code) is { } c)
            {
                agreement.AddItem(staff, ServiceItemSnapshot.Of(c.Item, c.Price), frequency);
            }
        }

        if (agreement.Items.Count == 0)
        {
            throw new InvalidOperationException($"{partner.Name} offers none of {string.Join(", ", codes)} on {day}.");
        }
    }

    /// <summary>
    /// 附件1: 坐诊 and 查房 (clauses 一, 二) and training (六); 附件2: chronic-disease follow-ups (二.3, 基层 only), the
    /// annual check (二.4), 家庭病床 visits (二.5, 基层 only) and carers' training (二.6).
    /// </summary>
    private static IReadOnlyList<(string Code, int Frequency)> DefaultItems(AgreementTemplate template, MedicalInstitution partner) =>
        template == AgreementTemplate.MedicalElderCareConsortium
            ? [("SX1-CLINIC", partner.IsPrimaryLevel ? 4 : 2), ("SX1-ROUNDS", 2), ("SX1-TRAIN", 4)]
            : partner.IsPrimaryLevel
                ? [("SX2-CHRONIC-FOLLOWUP", 4), ("SX2-CHECKUP", 1), ("SICKBED-VISIT", 24), ("SX2-CARER-TRAIN", 4)]
                : [("SX2-CHECKUP", 1), ("SX2-CARER-TRAIN", 4), ("REFERRAL", 12)];

    /// <summary>Every blank of the template filled the way a careful drafter would, clauses matching the schedule.</summary>
    private async Task<AgreementTerms> TermsAsync(
        AgreementStory story, AgreementTerms prefilled, ElderCareInstitution home, MedicalInstitution partner,
        string elderCareSigner, string medicalSigner, DateOnly signing)
    {
        var terms = prefilled with { ElderCareRepresentative = elderCareSigner, MedicalRepresentative = medicalSigner };
        if (story.Template != AgreementTemplate.MedicalElderCareConsortium)
        {
            return terms;
        }

        var items = story.Items ?? DefaultItems(story.Template, partner);
        var fees = await scope.Db.ConsultationFees.AsNoTracking()
            .Where(f => scope.Db.FeeSchedules.Any(s => s.Id == f.FeeScheduleId && s.MedicalInstitutionId == partner.Id)
                        && f.ValidFrom <= signing && (f.ValidTo == null || f.ValidTo >= signing))
            .ToDictionaryAsync(f => f.Title, f => f.Price);
        var month = new DateOnly(signing.Year, signing.Month, 1);
        return terms with
        {
            ClinicSessionsPerMonth = items.FirstOrDefault(i => i.Code == "SX1-CLINIC").Frequency is > 0 and var s ? s : 4,
            ClinicDoctorCount = partner.IsPrimaryLevel ? 1 : 2,
            WardRoundsPerMonth = items.FirstOrDefault(i => i.Code == "SX1-ROUNDS").Frequency is > 0 and var r ? r : 2,
            WardRoundDoctorCount = 1,
            SeniorConsultationFee = fees.GetValueOrDefault(ProfessionalTitle.Senior, Money.FromYuan(300m)),
            AssociateSeniorConsultationFee = fees.GetValueOrDefault(ProfessionalTitle.AssociateSenior, Money.FromYuan(180m)),
            IntermediateConsultationFee = fees.GetValueOrDefault(ProfessionalTitle.Intermediate, Money.FromYuan(120m)),
            MedicalCostPayment = MedicalCostPayment.ResidentPays,

            // A fee in proportion to the home's size: 300 元 a bed and year, in whole thousands, at least 6,000 元.
            AnnualHealthServiceFee = Money.FromYuan(Math.Max(6_000m, Math.Round(home.Beds * 300m / 1000m) * 1000m)),
            Term = story.Term ?? new ValidityPeriod(month, month.AddYears(1).AddDays(-1)),
        };
    }

    private sealed record PartyUser(AgreementParty Party, Guid Id, string Signer, string Title);
}
