using System.Globalization;

namespace YiyangPortal.Domain.Tenancy;

/// <summary>
/// The national 法定节假日 and 调休 for 2025–2027, as a tenant's calendar starts (issue 11 point 9). 2025 and 2026 follow
/// the State Council's notices (国办发明电〔2024〕12号, 国办发明电〔2025〕7号). For 2027 only the statutory holidays of
/// 《全国年节及纪念日放假办法》 (2024 revision, 第二条) are listed — lunar dates computed, not guessed — and the tenant
/// administrator adds the year's bridging days and 调休 from the 2027 notice.
/// </summary>
public static class NationalHolidays
{
    public static IReadOnlyList<(DateOnly Date, CalendarDayKind Kind, string Name)> All { get; } = Build();

    private static List<(DateOnly, CalendarDayKind, string)> Build()
    {
        var days = new List<(DateOnly, CalendarDayKind, string)>();
        void Off(string name, int year, int month, int day, int count = 1)
        {
            for (var i = 0; i < count; i++)
            {
                days.Add((new DateOnly(year, month, day).AddDays(i), CalendarDayKind.Holiday, name));
            }
        }

        void Work(string name, int year, int month, int day) =>
            days.Add((new DateOnly(year, month, day), CalendarDayKind.Workday, name + "调休上班"));

        // 2025 (国办发明电〔2024〕12号).
        Off("元旦", 2025, 1, 1);
        Off("春节", 2025, 1, 28, 8);
        Work("春节", 2025, 1, 26);
        Work("春节", 2025, 2, 8);
        Off("清明节", 2025, 4, 4, 3);
        Off("劳动节", 2025, 5, 1, 5);
        Work("劳动节", 2025, 4, 27);
        Off("端午节", 2025, 5, 31, 3);
        Off("国庆节、中秋节", 2025, 10, 1, 8);
        Work("国庆节、中秋节", 2025, 9, 28);
        Work("国庆节、中秋节", 2025, 10, 11);

        // 2026 (国办发明电〔2025〕7号).
        Off("元旦", 2026, 1, 1, 3);
        Work("元旦", 2026, 1, 4);
        Off("春节", 2026, 2, 15, 9);
        Work("春节", 2026, 2, 14);
        Work("春节", 2026, 2, 28);
        Off("清明节", 2026, 4, 4, 3);
        Off("劳动节", 2026, 5, 1, 5);
        Work("劳动节", 2026, 5, 9);
        Off("端午节", 2026, 6, 19, 3);
        Off("中秋节", 2026, 9, 25, 3);
        Off("国庆节", 2026, 10, 1, 7);
        Work("国庆节", 2026, 9, 20);
        Work("国庆节", 2026, 10, 10);

        // 2027: the statutory days only (放假办法 第二条); 调休 to be added from the year's notice.
        Off("元旦", 2027, 1, 1);
        var newYear = Lunar(2027, 1, 1);
        days.Add((newYear.AddDays(-1), CalendarDayKind.Holiday, "春节"));
        Off("春节", newYear.Year, newYear.Month, newYear.Day, 3);
        Off("清明节", 2027, 4, 5); // 清明 solar term, 2027-04-05
        Off("劳动节", 2027, 5, 1, 2);
        var dragonBoat = Lunar(2027, 5, 5);
        Off("端午节", dragonBoat.Year, dragonBoat.Month, dragonBoat.Day);
        var midAutumn = Lunar(2027, 8, 15);
        Off("中秋节", midAutumn.Year, midAutumn.Month, midAutumn.Day);
        Off("国庆节", 2027, 10, 1, 3);
        return days;
    }

    /// <summary>The Gregorian day of a lunar month and day (non-leap month) of the lunar year starting in <paramref name="year"/>.</summary>
    private static DateOnly Lunar(int year, int month, int day)
    {
        var calendar = new ChineseLunisolarCalendar();
        var leap = calendar.GetLeapMonth(year);
        var index = leap != 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(calendar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }
}
