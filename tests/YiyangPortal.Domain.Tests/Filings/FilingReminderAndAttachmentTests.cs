using System.Text;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Tests.Agreements;

namespace YiyangPortal.Domain.Tests.Filings;

public class FilingReminderAndAttachmentTests
{
    /// <summary>Signed 2028-01-31 10:00 Beijing: due 2028-02-29 (leap year).</summary>
    private static readonly DateTimeOffset Signed = new(2028, 1, 31, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2100-01-31T02:00:00Z", "2100-02-28")] // 2100 is not a leap year (divisible by 100, not by 400)
    [InlineData("2000-01-31T02:00:00Z", "2000-02-29")] // 2000 is (divisible by 400)
    [InlineData("2027-01-30T16:00:00Z", "2027-02-28")] // 00:00 on 31 January in Beijing
    [InlineData("2027-02-28T15:59:59Z", "2027-03-28")] // 23:59:59 on 28 February in Beijing
    [InlineData("2027-02-28T16:00:00Z", "2027-04-01")] // 00:00 on 1 March in Beijing
    public void DueDate_CentennialLeapYearsAndBeijingMidnight(string signedAtUtc, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), FilingTestData.HealthFiling(DateTimeOffset.Parse(signedAtUtc)).DueDate);

    [Theory]
    [InlineData("2028-02-21", null)]
    [InlineData("2028-02-22", FilingReminderKind.WeekBefore)]
    [InlineData("2028-02-28", FilingReminderKind.WeekBefore)]
    [InlineData("2028-02-29", FilingReminderKind.DueDay)]
    [InlineData("2028-03-01", FilingReminderKind.Escalated)]
    public void DueFor_WeekBefore_DueDay_ThenEscalation(string today, FilingReminderKind? expected) =>
        Assert.Equal(expected, FilingReminder.DueFor(FilingTestData.HealthFiling(Signed), DateOnly.Parse(today)));

    [Fact]
    public void DueFor_ASubmittedFiling_NeedsNoReminder()
    {
        var filing = FilingTestData.HealthFiling(Signed);
        filing.Submit(AgreementFixture.Elder(Signed.AddDays(40)));

        Assert.Null(FilingReminder.DueFor(filing, new DateOnly(2028, 3, 5)));
        Assert.True(filing.WasSubmittedLate);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf", ".pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg", ".jpg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png", ".png")]
    public void Attachment_TypeComesFromTheBytes_NotTheName(byte[] content, string type, string extension)
    {
        var attachment = new FilingAttachment(Guid.NewGuid(), Guid.NewGuid(), "../../etc/<script>.html", content, AgreementFixture.Elder());

        Assert.Equal(type, attachment.ContentType);
        Assert.EndsWith(extension, attachment.FileName, StringComparison.Ordinal);
        Assert.DoesNotContain("<", attachment.FileName, StringComparison.Ordinal);
        Assert.DoesNotContain("/", attachment.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void Attachment_HtmlOrOversized_IsRefused()
    {
        var html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");
        var big = new byte[FilingAttachment.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);

        Assert.Throws<DomainException>(() => new FilingAttachment(Guid.NewGuid(), Guid.NewGuid(), "a.pdf", html, AgreementFixture.Elder()));
        Assert.Throws<DomainException>(() => new FilingAttachment(Guid.NewGuid(), Guid.NewGuid(), "a.pdf", big, AgreementFixture.Elder()));
    }
}
