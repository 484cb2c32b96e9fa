namespace YiyangPortal.Domain.Identity;

/// <summary>The two regulating bureaus that receive filings (2020 guide 六(四)).</summary>
public enum Bureau
{
    /// <summary>民政局.</summary>
    CivilAffairs = 1,

    /// <summary>卫生健康局 (卫生健康委).</summary>
    Health = 2,
}
