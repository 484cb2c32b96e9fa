using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>
/// Reviews A.13 and B.7: a user who switched to English reads no Chinese interface text on the key pages of every role.
/// What may stay Chinese is data (names of people, institutions, counties, service items; typed reasons) and proper
/// names or quoted policy text from a short allow-list; every other run of Chinese characters fails the test.
/// </summary>
public partial class EnglishPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    /// <summary>Proper names and quoted policy text that stay Chinese in the English UI.</summary>
    private static readonly string[] AllowedAlways =
    [
        "中文", // the language switch names the other language in that language
        "绍兴市", "温州市", "浙江省",
        "养医联合体服务协议", "医养结合项目服务合作协议", "附件1", "附件2",
        "民法典", "国卫老龄发〔2024〕40号", "国卫办老龄发〔2023〕18号", "国卫办老龄发〔2020〕23号", "绍市民〔2024〕6号 一、二.1", "绍市民〔2024〕6号",
    ];

    /// <summary>What the agreement builder's users type on the way (reasons, signers' positions): data, shown as typed.</summary>
    private static readonly string[] Typed =
    [
        "请确认修改建议后重新提交。", "本院人员安排有限，建议减少频次，其余项目同意。", "请补充加盖双方公章的协议扫描件。", "院长", "主任",
    ];

    [Fact]
    public async Task StaffAndClinicPages_InEnglish_ShowNoChineseInterfaceText()
    {
        var parties = await TestParties.CreateAsync(app);
        var effective = await parties.AgreementAsync(AgreementStatus.Effective, new(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-45)));
        var filings = await parties.FilingsAsync(effective.Id, FilingStatus.Returned);
        var review = await parties.AgreementAsync(AgreementStatus.ReturnedForRevision, new(WithProposal: true));
        var allowed = await DataValuesAsync();

        var staff = await EnglishAsync(parties.StaffEmail, "/shaoxing/eldercare");
        await AssertEnglishAsync(staff, allowed,
            "/shaoxing/eldercare", "/shaoxing/agreements", $"/shaoxing/agreements/{effective.Id}", $"/shaoxing/agreements/{review.Id}",
            "/shaoxing/filings", $"/shaoxing/filings/{filings[0].Id}", $"/shaoxing/agreements/{effective.Id}/fees",
            $"/shaoxing/agreements/{effective.Id}/fulfilment", "/shaoxing/profile");

        var clinic = await EnglishAsync(parties.ClinicEmail, "/shaoxing/medical");
        await AssertEnglishAsync(clinic, allowed,
            "/shaoxing/medical", $"/shaoxing/agreements/{effective.Id}", $"/shaoxing/agreements/{review.Id}",
            "/shaoxing/medical/fees", "/shaoxing/filings", $"/shaoxing/filings/{filings[1].Id}");
    }

    [Fact]
    public async Task RegulatorAdminAndPublicPages_InEnglish_ShowNoChineseInterfaceText()
    {
        var parties = await TestParties.CreateAsync(app);
        var effective = await parties.AgreementAsync(AgreementStatus.Effective, new(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-45)));
        var filings = await parties.FilingsAsync(effective.Id, FilingStatus.Returned);
        var allowed = await DataValuesAsync();

        var regulator = await EnglishAsync(parties.CivilAffairsEmail, "/shaoxing/regulator");
        await AssertEnglishAsync(regulator, allowed,
            "/shaoxing/regulator", "/shaoxing/regulator/dashboard", "/shaoxing/filings", $"/shaoxing/filings/{filings[0].Id}",
            $"/shaoxing/agreements/{effective.Id}");

        var admin = await EnglishAsync("admin@shaoxing.demo", "/shaoxing/admin");
        await AssertEnglishAsync(admin, allowed, "/shaoxing/admin", "/shaoxing/admin/catalogue", "/shaoxing/admin/accounts");

        var visitor = PortalClient.For(app);
        await visitor.SubmitAsync("/shaoxing/public", "/shaoxing/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/shaoxing/public" });
        await AssertEnglishAsync(visitor, allowed, "/shaoxing/public", "/shaoxing/public?tab=medical", $"/shaoxing/verify/{effective.DocumentNumber}");
    }

    private async Task<PortalClient> EnglishAsync(string email, string home)
    {
        var client = await PortalClient.SignedInAsync(app, email);
        await client.SubmitAsync(home, "/shaoxing/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = home });
        return client;
    }

    /// <summary>The data a page may show as typed: names of institutions, counties, people and service items, typed reasons.</summary>
    private async Task<HashSet<string>> DataValuesAsync() => await TestData.InTenantAsync(app, TestData.Shaoxing, async db =>
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        values.UnionWith(await db.ElderCareInstitutions.Select(i => i.Name).ToListAsync());
        values.UnionWith(await db.MedicalInstitutions.Select(i => i.Name).ToListAsync());
        values.UnionWith(await db.ElderCareInstitutions.Select(i => i.Address).ToListAsync());
        values.UnionWith(await db.MedicalInstitutions.Select(i => i.Address).ToListAsync());
        values.UnionWith((await db.Counties.Select(c => new { c.Name, c.CivilAffairsBureauName, c.HealthBureauName }).ToListAsync())
            .SelectMany(c => new[] { c.Name, c.CivilAffairsBureauName, c.HealthBureauName }));
        values.UnionWith(await db.Users.Select(u => u.DisplayName).ToListAsync());
        values.UnionWith(await db.StaffMembers.Select(m => m.Name).ToListAsync());
        values.UnionWith((await db.ServiceItems.Select(i => new { i.Name, i.Description, i.Source }).ToListAsync())
            .SelectMany(i => new[] { i.Name, i.Description, i.Source }));
        return values;
    });

    private static async Task AssertEnglishAsync(PortalClient client, HashSet<string> allowed, params string[] urls)
    {
        var leftovers = new List<string>();
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
            leftovers.AddRange(Leftovers(html, allowed).Select(l => $"{url}: {l}"));
        }

        Assert.True(leftovers.Count == 0, "Chinese left in the English UI:\n" + string.Join("\n", leftovers.Distinct()));
    }

    /// <summary>
    /// The visible texts (text nodes, titles, placeholders, labels) of a page that, once the allowed values are taken
    /// out, still hold Chinese words or full-width punctuation mixed into English.
    /// </summary>
    private static IEnumerable<string> Leftovers(string html, HashSet<string> allowed)
    {
        var body = NotShown().Replace(html, " ");
        var texts = Tag().Matches(body).SelectMany(t => ShownAttribute().Matches(t.Value).Select(a => a.Groups[2].Value))
            .Concat(Tag().Split(body));
        foreach (var raw in texts)
        {
            var text = WebUtility.HtmlDecode(raw);
            if (!Chinese().IsMatch(text))
            {
                continue;
            }

            var rest = allowed.Where(v => v.Length > 0).Concat(AllowedAlways).Concat(Typed).OrderByDescending(v => v.Length)
                .Aggregate(text, (t, v) => t.Replace(v, "§", StringComparison.Ordinal));
            if (Ideograph().IsMatch(rest) || MixedPunctuation().IsMatch(rest))
            {
                yield return Whitespace().Replace(text, " ").Trim();
            }
        }
    }

    [GeneratedRegex(@"<(script|style|textarea)\b.*?</\1>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex NotShown();

    [GeneratedRegex("<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex("\\b(title|placeholder|aria-label|alt)=\"([^\"]*)\"")]
    private static partial Regex ShownAttribute();

    [GeneratedRegex(@"[\u3000-\u303F\u3400-\u9FFF\uFF00-\uFFEF]")]
    private static partial Regex Chinese();

    /// <summary>Chinese words that are not an allowed value.</summary>
    [GeneratedRegex(@"[\u3400-\u9FFF]")]
    private static partial Regex Ideograph();

    /// <summary>Full-width punctuation next to English words or numbers ("Party A：", "yuan（first half…"); around a name it may stay.</summary>
    [GeneratedRegex(@"[A-Za-z0-9)]\s?[：，；（）。、]|[：，；（）。、]\s?[A-Za-z0-9(]")]
    private static partial Regex MixedPunctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
