namespace YiyangPortal.Domain.Institutions;

/// <summary>医院等级. 急诊急救绿色通道 is recommended from 二级 up (2020 guide 三(九)).</summary>
public enum HospitalGrade
{
    /// <summary>未定级.</summary>
    Ungraded = 0,

    /// <summary>一级.</summary>
    Level1 = 1,

    /// <summary>二级.</summary>
    Level2 = 2,

    /// <summary>三级.</summary>
    Level3 = 3,
}
