using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

/// <summary>补充协议 is a supplement, not a copy (2020 guide 九(二); issue 11 point 8).</summary>
public class SupplementTests
{
    [Fact]
    public void Submit_SupplementThatChangesNothing_IsRefused_九二()
    {
        var original = Effective();
        var supplement = original.CreateSupplement(Elder(), "S-1", []);

        var refused = Assert.Throws<DomainException>(() => supplement.Submit(Elder(), original));

        Assert.Contains("尚未变更原协议的任何内容", refused.Message, StringComparison.Ordinal);
        Assert.Equal(AgreementStatus.Draft, supplement.Status);
    }

    [Fact]
    public void Changes_ListOnlyWhatDiffersFromTheOriginal_九二()
    {
        var original = Effective();
        var supplement = original.CreateSupplement(Elder(), "S-1", []);
        var kept = supplement.Items[0];
        supplement.EditItem(Elder(), kept.Id, 6, kept.UnitPrice);
        supplement.AddItem(Elder(), Snapshot("康复指导", price: 50m), 2);
        supplement.UpdateTerms(Elder(), supplement.Terms with { ClinicSessionsPerMonth = 6 });

        var changes = SupplementChanges.Between(original, supplement);

        Assert.Equal(3, changes.Count);
        Assert.Contains(changes, c => c.StartsWith("每月坐诊次数由", StringComparison.Ordinal) && c.EndsWith("变更为“6”。", StringComparison.Ordinal));
        Assert.Contains("服务项目“血压测量”由“4 次/月，单价 10.00 元”变更为“6 次/月，单价 10.00 元”。", changes);
        Assert.Contains("增加服务项目“康复指导”：2 次/月，单价 50.00 元。", changes);
    }

    [Fact]
    public void Changes_NameARemovedItem()
    {
        var original = Effective();
        var supplement = original.CreateSupplement(Elder(), "S-1", []);
        supplement.AddItem(Elder(), Snapshot("康复指导", price: 50m), 2);
        supplement.RemoveItem(Elder(), supplement.Items[0].Id);

        var changes = SupplementChanges.Between(original, supplement);

        Assert.Contains("不再提供服务项目“血压测量”（原约定 4 次/月，单价 10.00 元）。", changes);
    }

    [Fact]
    public void CreateSupplement_OfASupplement_IsRefused()
    {
        var original = Effective();
        var supplement = original.CreateSupplement(Elder(), "S-1", []);
        supplement.AddItem(Elder(), Snapshot("康复指导", price: 50m), 2);
        SignedSupplement(original, supplement, Now.AddDays(1));

        Assert.Throws<DomainException>(() => supplement.CreateSupplement(Elder(), "S-2", []));
    }

    [Fact]
    public void CreateSupplement_WhileAnotherIsInProgress_IsRefusedNamingIt()
    {
        var original = Effective();
        var first = original.CreateSupplement(Elder(), "S-1", []);

        var refused = Assert.Throws<DomainException>(() => original.CreateSupplement(Elder(), "S-2", [first]));

        Assert.Contains("S-1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateSupplement_AfterOneInForce_StartsFromItAndChangesAreAgainstIt()
    {
        var original = Effective();
        var first = original.CreateSupplement(Elder(), "S-1", []);
        first.AddItem(Elder(), Snapshot("康复指导", price: 50m), 2);
        SignedSupplement(original, first, Now.AddDays(1));

        var second = original.CreateSupplement(Elder(), "S-2", [first]);

        Assert.Equal(2, second.Items.Count);
        Assert.Same(first, second.SupplementBasis(original, [first, second]));
        Assert.Empty(SupplementChanges.Between(first, second));
        Assert.Equal(original.Id, second.SupplementToId);
    }

    [Fact]
    public void EndWithOriginal_OriginalTerminated_SupplementTerminatedOnTheSameDay_九二()
    {
        var original = Effective();
        var supplement = original.CreateSupplement(Elder(), "S-1", []);
        supplement.AddItem(Elder(), Snapshot("康复指导", price: 50m), 2);
        SignedSupplement(original, supplement, Now.AddDays(1));
        var day = BeijingTime.DateOf(Now.AddDays(3));
        TerminateByAgreement(original, Elder(Now.AddDays(3)));

        supplement.EndWithOriginal(original, day);

        Assert.Equal(AgreementStatus.Terminated, supplement.Status);
        Assert.Equal(day, supplement.TerminatedOn);
        Assert.Contains(original.DocumentNumber, supplement.TerminationReason, StringComparison.Ordinal);
        Assert.Equal(AgreementEventKind.Terminated, supplement.Events[^1].Kind);
    }

    [Fact]
    public void EndWithOriginal_OriginalStillInForce_ChangesNothing()
    {
        var original = Effective();
        var supplement = original.CreateSupplement(Elder(), "S-1", []);
        supplement.AddItem(Elder(), Snapshot("康复指导", price: 50m), 2);
        SignedSupplement(original, supplement, Now.AddDays(1));

        supplement.EndWithOriginal(original, BeijingTime.DateOf(Now.AddDays(3)));

        Assert.Equal(AgreementStatus.Effective, supplement.Status);
    }

    [Fact]
    public void EndWithOriginal_OriginalExpired_SupplementExpires()
    {
        var original = Effective();
        var supplement = original.CreateSupplement(Elder(), "S-1", []);
        supplement.AddItem(Elder(), Snapshot("康复指导", price: 50m, unit: ServiceUnit.TimesPerMonth), 2);
        SignedSupplement(original, supplement, Now.AddDays(1));
        var after = original.Terms.Term!.Value.To!.Value.AddDays(1);
        original.Expire(after);

        supplement.EndWithOriginal(original, after);

        Assert.Equal(AgreementStatus.Expired, supplement.Status);
    }
}
