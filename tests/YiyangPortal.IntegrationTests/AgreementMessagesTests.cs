using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>
/// Issue 10, messages: one per event and recipient, none to whoever did it. Each side has a second user, so "the
/// other users of the acting side" and "the acting user" are told apart.
/// </summary>
public partial class AgreementMessagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task AgreementTakingEffect_TellsEveryPartyUserOnce_WithTheFilingDeadline_AndNotTheSignerWhoCompletedIt()
    {
        var (parties, staff2, clinic2) = await PartiesAsync();

        var agreement = await parties.AgreementAsync(AgreementStatus.Effective, new(FirstSigner: AgreementParty.Medical));

        var messages = await MessagesAsync(parties, agreement);
        var effective = messages.Where(m => m.Kind == NotificationKind.Effective || m.Title.Contains("已生效", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(effective, m => m.UserId == parties.StaffUserId); // signed last: they know
        foreach (var user in new[] { staff2, parties.ClinicUserId, clinic2 })
        {
            var mine = Assert.Single(effective, m => m.UserId == user);
            Assert.Equal(NotificationKind.Effective, mine.Kind);
            Assert.Contains("前向区县民政局、卫生健康局报送备案", mine.Title, StringComparison.Ordinal);
        }

        // The first signature asked only the side still to sign, and not the clinic's signer.
        var signed = messages.Where(m => m.Kind == NotificationKind.Signed).Select(m => m.UserId).Order();
        Assert.Equal(new[] { parties.StaffUserId, staff2 }.Order(), signed);
        Assert.DoesNotContain(messages, m => m.Kind == NotificationKind.FilingDue);
        Assert.DoesNotContain(messages, m => m.Title.Contains("已已", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submission_TellsEachClinicUserOnce_AndNobodyOfTheSubmittingHome()
    {
        var (parties, staff2, clinic2) = await PartiesAsync();

        var agreement = await parties.AgreementAsync(AgreementStatus.PendingMedicalReview);

        var submitted = (await MessagesAsync(parties, agreement)).Where(m => m.Kind == NotificationKind.Submitted).ToList();
        Assert.Equal(new[] { parties.ClinicUserId, clinic2 }.Order(), submitted.Select(m => m.UserId).Order());
        Assert.DoesNotContain(submitted, m => m.UserId == parties.StaffUserId || m.UserId == staff2);
    }

    [Fact]
    public async Task ReturnWithAProposal_TellsTheHomeToAnswerIt_AndNotTheClinicUserWhoReturnedIt()
    {
        var (parties, staff2, _) = await PartiesAsync();

        var agreement = await parties.AgreementAsync(AgreementStatus.ReturnedForRevision, new(WithProposal: true));

        var proposal = (await MessagesAsync(parties, agreement)).Where(m => m.Kind == NotificationKind.Proposal).ToList();
        Assert.Equal(new[] { parties.StaffUserId, staff2 }.Order(), proposal.Select(m => m.UserId).Order());
        Assert.DoesNotContain(await MessagesAsync(parties, agreement), m => m.UserId == parties.ClinicUserId && m.Kind != NotificationKind.Submitted);
    }

    [Fact]
    public async Task InboxRow_IsOneButton_ThatOpensTheAgreementAndMarksTheMessageRead()
    {
        var (parties, _, clinic2) = await PartiesAsync();
        var agreement = await parties.AgreementAsync(AgreementStatus.PendingMedicalReview);
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", $"clinic2-{parties.Code}@test.demo");

        var inbox = await (await client.GetAsync("/shaoxing/inbox")).Content.ReadAsStringAsync();
        var row = Assert.Single(MessageRow().Matches(inbox));
        Assert.Contains($"协议 {agreement.DocumentNumber} 已提交，请审核服务项目。", row.Value, StringComparison.Ordinal);
        Assert.Contains("class=\"list-group-item list-group-item-action text-start fw-semibold\"", row.Value, StringComparison.Ordinal);

        var opened = await client.SubmitAsync("/shaoxing/inbox", row.Groups["action"].Value, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/shaoxing/agreements/{agreement.Id}", PortalClient.RedirectPath(opened));
        Assert.All(await MessagesAsync(parties, agreement), m => Assert.True(m.UserId != clinic2 || m.Read));
    }

    private async Task<(TestParties Parties, Guid Staff2, Guid Clinic2)> PartiesAsync()
    {
        var parties = await TestParties.CreateAsync(app);
        var staff2 = await parties.AddUserAsync($"staff2-{parties.Code}@test.demo", RoleAssignment.ElderCareStaff(parties.HomeId));
        var clinic2 = await parties.AddUserAsync($"clinic2-{parties.Code}@test.demo", RoleAssignment.MedicalAdmin(parties.ClinicId));
        return (parties, staff2, clinic2);
    }

    /// <summary>Every message about the agreement: those linking to it, and any other naming its number.</summary>
    private async Task<List<Message>> MessagesAsync(TestParties parties, Agreement agreement)
    {
        List<Message> messages = [];
        var link = $"/agreements/{agreement.Id}";
        await TestParties.InTenantAsync(app, parties.Tenant, async (db, _) =>
            messages = await db.Notifications.AsNoTracking()
                .Where(n => n.Link == link || n.Title.Contains(agreement.DocumentNumber))
                .Select(n => new Message(n.UserId, n.Kind, n.Title, n.ReadAtUtc != null))
                .ToListAsync());
        return messages;
    }

    private sealed record Message(Guid UserId, NotificationKind Kind, string Title, bool Read);

    [GeneratedRegex("""<button type="submit" formaction="(?<action>/shaoxing/inbox/[0-9a-f-]{36}/open)"[\s\S]*?</button>""")]
    private static partial Regex MessageRow();
}
