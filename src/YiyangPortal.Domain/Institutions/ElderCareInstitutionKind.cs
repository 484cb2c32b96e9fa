namespace YiyangPortal.Domain.Institutions;

/// <summary>The three kinds of 养老服务机构 that may sign (2020 guide 二(一)).</summary>
public enum ElderCareInstitutionKind
{
    /// <summary>养老机构 (registered 备案 nursing home: 养老院/敬老院).</summary>
    NursingHome = 1,

    /// <summary>社区居家养老服务机构.</summary>
    CommunityHomeCare = 2,

    /// <summary>日间照料机构.</summary>
    DayCare = 3,
}
