using System.Net;
using System.Text.RegularExpressions;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>
/// Issue 10: every role's home shows its real to-do — a count per line, linking to the list of exactly those rows.
/// Each test builds its own county, home and clinic (TestParties), so the demo data never enters a count.
/// </summary>
public partial class HomeTodoTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly DateTimeOffset LongAgo = DateTimeOffset.UtcNow.AddDays(-45);

    [Fact]
    public async Task Staff_SeesDraftsProposalsSignaturesFilingsAndEndingAgreements_EachLinkingToExactlyThoseRows()
    {
        var parties = await TestParties.CreateAsync(app);
        var draft = await parties.AgreementAsync(AgreementStatus.Draft);
        var returned = await parties.AgreementAsync(AgreementStatus.ReturnedForRevision);
        var proposal = await parties.AgreementAsync(AgreementStatus.ReturnedForRevision, new(WithProposal: true));
        await parties.AgreementAsync(AgreementStatus.PendingMedicalReview); // the clinic's turn
        var toSign = await parties.AgreementAsync(AgreementStatus.PendingSignature);
        var clinicSigned = await parties.AgreementAsync(AgreementStatus.PartiallySigned, new(FirstSigner: AgreementParty.Medical));
        await parties.AgreementAsync(AgreementStatus.PartiallySigned, new(FirstSigner: AgreementParty.ElderCare)); // signed: the clinic's turn
        var ending = await parties.AgreementAsync(AgreementStatus.Effective, new(TermEnd: Today.AddDays(30)));
        var late = await parties.AgreementAsync(AgreementStatus.Effective, new(SignedAtUtc: LongAgo));
        var filed = await parties.AgreementAsync(AgreementStatus.Effective);
        await parties.FilingsAsync(filed.Id, FilingStatus.Submitted); // the bureaus' turn
        var corrected = await parties.AgreementAsync(AgreementStatus.Effective);
        await parties.FilingsAsync(corrected.Id, FilingStatus.Returned);
        var staff = await PortalClient.SignedInAsync(app, parties.StaffEmail);

        var todo = await TodoAsync(staff, "/shaoxing/eldercare");

        Assert.Equal(["draft", "proposals", "sign", "termination", "recordsoverdue", "feesoverdue", "filings-submit", "filings-overdue", "ending"], todo.Keys);
        await AssertListsAsync(staff, todo["draft"], draft, returned);
        await AssertListsAsync(staff, todo["proposals"], proposal);
        await AssertListsAsync(staff, todo["sign"], toSign, clinicSigned);
        await AssertListsAsync(staff, todo["ending"], ending);
        await AssertFilingsAsync(staff, todo["filings-submit"], 6, ending, ending, late, late, corrected, corrected);
        await AssertFilingsAsync(staff, todo["filings-overdue"], 2, late, late);

        var filtered = await (await staff.GetAsync(todo["sign"].Href!)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"todo-filter\">筛选：待本机构签署的协议 · <a href=\"/shaoxing/agreements\">清除筛选</a>", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clinic_SeesReviewsSignaturesAndFilings_WhereItsFixedTextUsedToBe()
    {
        var parties = await TestParties.CreateAsync(app);
        await parties.AgreementAsync(AgreementStatus.Draft); // not yet submitted: the clinic does not even see it
        var review = await parties.AgreementAsync(AgreementStatus.PendingMedicalReview);
        var review2 = await parties.AgreementAsync(AgreementStatus.PendingMedicalReview);
        var toSign = await parties.AgreementAsync(AgreementStatus.PendingSignature);
        var homeSigned = await parties.AgreementAsync(AgreementStatus.PartiallySigned, new(FirstSigner: AgreementParty.ElderCare));
        await parties.AgreementAsync(AgreementStatus.PartiallySigned, new(FirstSigner: AgreementParty.Medical));
        var late = await parties.AgreementAsync(AgreementStatus.Effective, new(SignedAtUtc: LongAgo));
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);

        var page = await (await clinic.GetAsync("/shaoxing/medical")).Content.ReadAsStringAsync();
        var todo = Todo(page);

        Assert.DoesNotContain("暂无待审核的协议", page, StringComparison.Ordinal);
        Assert.Equal(["review", "sign", "termination", "receipts", "filings-submit", "filings-overdue"], todo.Keys);
        await AssertListsAsync(clinic, todo["review"], review, review2);
        await AssertListsAsync(clinic, todo["sign"], toSign, homeSigned);
        await AssertFilingsAsync(clinic, todo["filings-submit"], 2, late, late);
        await AssertFilingsAsync(clinic, todo["filings-overdue"], 2, late, late);
    }

    [Fact]
    public async Task AMutualTermination_IsTheOtherSidesToDo_NotTheProposers()
    {
        var parties = await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(AgreementStatus.Effective);
        await parties.AgreementAsync(AgreementStatus.Effective); // in force, nothing proposed
        var staff = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var id = agreement.Id.ToString();
        await AgreementSteps.ActAsync(staff, id, $"/shaoxing/agreements/{id}/termination/propose",
            new() { ["kind"] = "Mutual", ["reason"] = "养老院搬迁", ["terminateOn"] = BeijingDate.Day(0) });
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);

        var clinicTodo = await TodoAsync(clinic, "/shaoxing/medical");
        var staffTodo = await TodoAsync(staff, "/shaoxing/eldercare");

        await AssertListsAsync(clinic, clinicTodo["termination"], agreement);
        Assert.Equal(0, staffTodo["termination"].Count);
        var filtered = await (await clinic.GetAsync(clinicTodo["termination"].Href!)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"todo-filter\">筛选：待答复的终止提议", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regulators_SeeFilingsToReviewAndOverdue_OfTheirBureau_CountyOrWholeCity()
    {
        var parties = await TestParties.CreateAsync(app);
        var city = $"city-{parties.Code}@test.demo";
        await parties.AddUserAsync(city, RoleAssignment.CityRegulator(Bureau.Health));
        var cityClient = await PortalClient.SignedInAsync(app, city);
        var cityBefore = await TodoAsync(cityClient, "/shaoxing/regulator");

        var submitted = await parties.AgreementAsync(AgreementStatus.Effective);
        await parties.FilingsAsync(submitted.Id, FilingStatus.Submitted);
        var returned = await parties.AgreementAsync(AgreementStatus.Effective);
        await parties.FilingsAsync(returned.Id, FilingStatus.Returned); // the parties' turn again
        var late = await parties.AgreementAsync(AgreementStatus.Effective, new(SignedAtUtc: LongAgo));
        await parties.AgreementAsync(AgreementStatus.Effective); // pending, not yet due

        foreach (var email in new[] { parties.CivilAffairsEmail, parties.HealthEmail })
        {
            var regulator = await PortalClient.SignedInAsync(app, email);
            var todo = await TodoAsync(regulator, "/shaoxing/regulator");
            Assert.Equal(["filings-review", "filings-overdue"], todo.Keys);
            await AssertFilingsAsync(regulator, todo["filings-review"], 1, submitted);
            await AssertFilingsAsync(regulator, todo["filings-overdue"], 1, late);
        }

        // The city level sees every county of its bureau: exactly this county's one more of each.
        var cityAfter = await TodoAsync(cityClient, "/shaoxing/regulator");
        Assert.Equal(cityBefore["filings-review"].Count + 1, cityAfter["filings-review"].Count);
        Assert.Equal(cityBefore["filings-overdue"].Count + 1, cityAfter["filings-overdue"].Count);
        Assert.Equal("/shaoxing/filings?status=Submitted", cityAfter["filings-review"].Href);
    }

    [Fact]
    public async Task NothingToDo_EveryLineReadsNone_AndLinksNowhere()
    {
        var parties = await TestParties.CreateAsync(app);

        var page = await (await (await PortalClient.SignedInAsync(app, parties.StaffEmail)).GetAsync("/shaoxing/eldercare")).Content.ReadAsStringAsync();

        var todo = Todo(page);
        Assert.All(todo.Values, line => Assert.Equal((0, null), (line.Count, line.Href)));
        Assert.Equal(todo.Count, Regex.Matches(page, "<span class=\"small\">暂无</span>").Count);
    }

    [Fact]
    public async Task TodoFilter_OfAnotherRole_ListsNothing_AndAnUnknownOneIsIgnored()
    {
        var parties = await TestParties.CreateAsync(app);
        var review = await parties.AgreementAsync(AgreementStatus.PendingMedicalReview);
        var staff = await PortalClient.SignedInAsync(app, parties.StaffEmail);

        Assert.Empty(await NumbersAsync(staff, "/shaoxing/agreements?todo=review"));
        Assert.Contains(review.DocumentNumber, await NumbersAsync(staff, "/shaoxing/agreements?todo=nonsense"));
    }

    private static DateOnly Today => Domain.Common.BeijingTime.Today(DateTimeOffset.UtcNow);

    private static async Task AssertListsAsync(PortalClient client, TodoLine line, params Agreement[] expected)
    {
        Assert.Equal(expected.Length, line.Count);
        Assert.NotNull(line.Href);
        var listed = await NumbersAsync(client, line.Href);
        Assert.Equal(expected.Select(a => a.DocumentNumber).Order(), listed.Order());
    }

    private static async Task AssertFilingsAsync(PortalClient client, TodoLine line, int count, params Agreement[] expected)
    {
        Assert.Equal(count, line.Count);
        Assert.NotNull(line.Href);
        var page = await (await client.GetAsync(line.Href)).Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"total\">共 {count} 件", page, StringComparison.Ordinal);
        Assert.Equal(expected.Select(a => a.DocumentNumber).Order(), Number().Matches(page).Select(m => m.Groups[1].Value).Order());
    }

    private static async Task<List<string>> NumbersAsync(PortalClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Number().Matches(await response.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
    }

    private static async Task<Dictionary<string, TodoLine>> TodoAsync(PortalClient client, string home)
    {
        var response = await client.GetAsync(home);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Todo(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The to-do lines in page order: key → count and link (none when the count is 0).</summary>
    private static Dictionary<string, TodoLine> Todo(string page) =>
        TodoPattern().Matches(page).ToDictionary(
            m => m.Groups["key"].Value,
            m => new TodoLine(int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["href"].Success ? WebUtility.HtmlDecode(m.Groups["href"].Value) : null));

    private sealed record TodoLine(int Count, string? Href);

    [GeneratedRegex("""(?:href="(?<href>[^"]+)" )?data-testid="todo-(?<key>[a-z-]+)" data-count="(?<count>\d+)""")]
    private static partial Regex TodoPattern();

    [GeneratedRegex(">(T339[0-9]{3}-[0-9]{4})<")]
    private static partial Regex Number();
}
