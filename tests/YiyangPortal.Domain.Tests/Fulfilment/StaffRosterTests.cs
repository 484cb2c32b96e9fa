using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>Issue 15: the medical institution's roster — a name and a title, each refused with its field when wrong.</summary>
public class StaffRosterTests
{
    [Fact]
    public void Entry_KeepsNameTrimmedAndTitle()
    {
        var member = new StaffMember(TenantId, MedicalId, "  王医生 ", ProfessionalTitle.AssociateSenior);

        Assert.Equal(("王医生", ProfessionalTitle.AssociateSenior, true), (member.Name, member.Title, member.IsActive));
    }

    [Theory]
    [InlineData("", ProfessionalTitle.Intermediate, "Name")]
    [InlineData("王医生", null, "Title")]
    [InlineData("王医生", (ProfessionalTitle)9, "Title")]
    public void MissingOrUnknownValues_AreRefusedByField(string name, ProfessionalTitle? title, string field)
    {
        Assert.Equal(field, Assert.Single(StaffMember.Problems(name, title)).Field);
        Assert.Throws<DomainException>(() => new StaffMember(TenantId, MedicalId, name, title ?? (ProfessionalTitle)9));
    }

    [Fact]
    public void OverlongName_IsRefused() =>
        Assert.Equal("Name", Assert.Single(StaffMember.Problems(new string('王', 51), ProfessionalTitle.Junior)).Field);

    [Fact]
    public void AnActiveName_IsRefusedAtTheName_WhateverTheTitle()
    {
        var problem = Assert.Single(StaffMember.Problems(" 王医生", ProfessionalTitle.Senior, ["王医生", "李医生"]));

        Assert.Equal("Name", problem.Field);
        Assert.Empty(StaffMember.Problems("王医生", ProfessionalTitle.Senior, ["李医生"]));
    }

    [Fact]
    public void AMemberWhoLeft_CanComeBack()
    {
        var member = new StaffMember(TenantId, MedicalId, "王医生", ProfessionalTitle.Intermediate);

        member.Deactivate();
        Assert.False(member.IsActive);
        member.Reactivate();

        Assert.True(member.IsActive);
    }
}
