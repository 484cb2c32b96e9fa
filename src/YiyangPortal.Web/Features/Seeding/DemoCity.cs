using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Institutions;
using static YiyangPortal.Web.Features.Seeding.DemoData;
using Grade = YiyangPortal.Domain.Institutions.HospitalGrade;
using HomeKind = YiyangPortal.Domain.Institutions.ElderCareInstitutionKind;
using Kind = YiyangPortal.Domain.Institutions.MedicalInstitutionKind;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>
/// A demo city that looks like one, generated from lists of name parts with a fixed seed (the same city on every
/// run): per county tens of 养老机构 (some of 50+ residents without a 内设医疗机构), community home-care and day-care
/// organisations, medical institutions of every kind with the 基层 ones in every 街道 and 镇, and a mix of homes
/// signed with a 基层 partner, signed with a hospital only, in negotiation, or not signed at all.
/// </summary>
internal static class DemoCity
{
    /// <summary>One county's 街道 (subdistricts) and 镇 (towns), and how its addresses begin.</summary>
    public sealed record CountyPlaces(string County, string AddressPrefix, string Pinyin, string[] Subdistricts, string[] Towns);

    public sealed record City(
        IReadOnlyList<ElderCareSeed> ElderCare, IReadOnlyList<MedicalSeed> Medical, IReadOnlyList<AgreementSeed> Agreements)
    {
        /// <summary>
        /// Generated institutions price between 80 % and 120 % of the standard demo prices (a stable hash of the name,
        /// so a reseed gives the same prices); the named ones keep the standard prices.
        /// </summary>
        public decimal PriceLevel(string name) =>
            Medical.Any(m => m.Name == name) ? 0.8m + (name.Aggregate(17, (h, c) => unchecked((h * 31) + c)) & 0x7fffffff) % 5 * 0.1m : 1m;
    }

    private static readonly string[] Roads =
        ["人民路", "解放路", "中兴路", "胜利路", "建设路", "文化路", "和平路", "青年路", "健康路", "迎宾路", "凤凰路", "湖滨路", "新华路", "东街", "西街", "学士路"];

    private static readonly string[] Blessings =
        ["福寿", "康乐", "颐和", "安康", "松鹤", "长乐", "瑞福", "和美", "祥和", "乐龄", "仁爱", "慈恩", "颐年", "善德", "百岁", "夕阳红", "同福", "永安", "延年", "怡园", "馨康", "晚晴"];

    private static readonly string[] HomeSuffixes = ["养老院", "颐养院", "老年公寓", "康养中心", "养老服务中心"];

    private static readonly string[] Communities =
        ["人民", "文化", "新华", "城东", "城西", "和平", "振兴", "江南", "湖滨", "金山", "桥东", "梅园", "柳岸", "荷花", "兴隆", "光明", "幸福", "东升", "团结"];

    private static readonly string[] Villages =
        ["大坞", "上旺", "石门", "新桥", "竹林", "王家", "张家埠", "东岙", "西山", "后溪", "前山", "下岩", "桃园", "白鹤", "枫林"];

    private static readonly string[] NursingHospitalWords = ["仁和", "康泰", "恒爱", "慈济", "博爱", "安泰"];

    /// <summary>The six counties of 绍兴市 (division codes as in <see cref="DemoData"/>).</summary>
    public static readonly CountyPlaces[] Shaoxing =
    [
        new("越城区", "绍兴市越城区", "yuecheng",
            ["府山街道", "北海街道", "城南街道", "稽山街道", "迪荡街道", "灵芝街道", "东湖街道", "皋埠街道", "陶堰街道", "鉴湖街道", "东浦街道", "斗门街道"], []),
        new("柯桥区", "绍兴市柯桥区", "keqiao",
            ["柯桥街道", "华舍街道", "齐贤街道", "安昌街道", "杨汛桥街道", "钱清街道", "福全街道", "湖塘街道", "兰亭街道", "柯岩街道"],
            ["漓渚镇", "王坛镇", "稽东镇", "夏履镇"]),
        new("上虞区", "绍兴市上虞区", "shangyu",
            ["百官街道", "曹娥街道", "东关街道", "道墟街道", "梁湖街道", "小越街道", "崧厦街道"],
            ["丰惠镇", "章镇镇", "下管镇", "汤浦镇", "永和镇", "驿亭镇", "长塘镇"]),
        new("诸暨市", "诸暨市", "zhuji",
            ["暨阳街道", "浣东街道", "陶朱街道", "暨南街道", "大唐街道"],
            ["店口镇", "枫桥镇", "牌头镇", "次坞镇", "璜山镇", "同山镇", "五泄镇", "赵家镇", "山下湖镇"]),
        new("嵊州市", "嵊州市", "shengzhou",
            ["剡湖街道", "三江街道", "鹿山街道", "浦口街道"],
            ["甘霖镇", "长乐镇", "崇仁镇", "黄泽镇", "石璜镇", "三界镇", "谷来镇"]),
        new("新昌县", "新昌县", "xinchang",
            ["南明街道", "羽林街道", "七星街道", "澄潭街道"],
            ["沃洲镇", "儒岙镇", "回山镇", "梅渚镇", "大市聚镇", "小将镇", "镜岭镇"]),
    ];

    /// <summary>
    /// The generated part of 绍兴市 around the hand-written demo institutions (<paramref name="named"/>, kept as they
    /// are): places that already have a named 基层 institution get no second one.
    /// </summary>
    public static City Generate(IReadOnlyList<ElderCareSeed> namedElderCare, IReadOnlyList<MedicalSeed> named, string showcaseHome)
    {
        var random = new Random(20240601); // 绍市民〔2024〕6号: any fixed seed gives the same city on every run
        var taken = new HashSet<string>(namedElderCare.Select(e => e.Name).Concat(named.Select(m => m.Name)));
        var elderCare = new List<(ElderCareSeed Seed, string Place)>();
        var medical = new List<(MedicalSeed Seed, string Place)>();
        foreach (var county in Shaoxing)
        {
            medical.AddRange(MedicalOf(county, random, taken, named));
            elderCare.AddRange(ElderCareOf(county, random, taken));
        }

        var allMedical = named.Select(m => (Seed: m, Place: string.Empty)).Concat(medical).ToList();
        var agreements = new List<AgreementSeed>();
        var partnersOf = namedElderCare.Where(e => e.Name != showcaseHome).Select(e => (Seed: e, Place: string.Empty)).Concat(elderCare);
        foreach (var (home, place) in partnersOf)
        {
            agreements.AddRange(AgreementsOf(home, place, allMedical, random));
        }

        return new City(elderCare.ConvertAll(e => e.Seed), medical.ConvertAll(m => m.Seed), agreements);
    }

    /// <summary>"府山街道" → "府山", "章镇镇" → "章镇".</summary>
    private static string Short(string place) =>
        place.EndsWith("街道", StringComparison.Ordinal) ? place[..^2] : place.EndsWith('镇') ? place[..^1] : place;

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>"康乐养老院", never "颐年颐养院": a blessing and a suffix that share no character.</summary>
    private static string HomeName(Random random)
    {
        while (true)
        {
            var (blessing, suffix) = (Pick(random, Blessings), Pick(random, HomeSuffixes));
            if (!blessing.Any(suffix.Contains))
            {
                return blessing + suffix;
            }
        }
    }

    private static string Address(CountyPlaces county, string place, Random random) =>
        $"{county.AddressPrefix}{place}{Pick(random, Roads)} {random.Next(1, 400)} 号";

    private static string Unique(HashSet<string> taken, Func<string> name)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var candidate = name();
            if (taken.Add(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The demo name lists are too short for the city.");
    }

    private static IEnumerable<(ElderCareSeed, string)> ElderCareOf(CountyPlaces county, Random random, HashSet<string> taken)
    {
        var places = county.Subdistricts.Concat(county.Towns).ToArray();
        var towns = new Queue<string>(county.Towns);
        for (var i = random.Next(10, 15); i > 0; i--)
        {
            // Township 敬老院 (public) first, then private homes named after their place or county.
            var place = towns.Count > 0 && random.NextDouble() < 0.35 ? towns.Dequeue() : Pick(random, places);
            var name = place.EndsWith('镇') && !taken.Contains(place + "敬老院") && random.NextDouble() < 0.5
                ? Unique(taken, () => place + "敬老院")
                : Unique(taken, () => (random.NextDouble() < 0.6 ? Short(place) : county.County) + HomeName(random));
            var beds = random.Next(3, 33) * 10;
            var residents = (int)(beds * (0.45 + (random.NextDouble() * 0.5)));

            // 绍市民〔2024〕6号: homes of 50+ residents should have a 内设医疗机构; about half of them have one so far.
            var internalMedical = residents >= 50 ? random.NextDouble() < 0.5 : random.NextDouble() < 0.05;
            var address = Address(county, place, random);
            yield return (new ElderCareSeed(county.County, name, HomeKind.NursingHome, address, beds, residents, internalMedical), place);
        }

        foreach (var place in county.Subdistricts.Where(_ => random.NextDouble() < 0.4))
        {
            var name = Unique(taken, () => random.NextDouble() < 0.6
                ? place + "居家养老服务中心"
                : Short(place) + Pick(random, Communities) + "社区居家养老服务站");
            var address = Address(county, place, random);
            yield return (new ElderCareSeed(county.County, name, HomeKind.CommunityHomeCare, address, random.Next(1, 4) * 10, 0, false), place);
        }

        for (var i = random.Next(2, 4); i > 0; i--)
        {
            var place = Pick(random, places);
            var name = Unique(taken, () => place.EndsWith('镇')
                ? Short(place) + Pick(random, Villages) + "村日间照料中心"
                : Short(place) + Pick(random, Communities) + "社区日间照料中心");
            var beds = random.Next(2, 5) * 10;
            var address = Address(county, place, random);
            yield return (new ElderCareSeed(county.County, name, HomeKind.DayCare, address, beds, beds - random.Next(5, 15), false), place);
        }
    }

    private static IEnumerable<(MedicalSeed, string)> MedicalOf(
        CountyPlaces county, Random random, HashSet<string> taken, IReadOnlyList<MedicalSeed> named)
    {
        var hasNamed = (string place) => named.Any(m =>
            m.County == county.County && m.Kind.IsPrimaryLevel() && m.Name.Contains(Short(place), StringComparison.Ordinal));
        foreach (var place in county.Subdistricts.Where(p => !hasNamed(p)))
        {
            yield return (Medical(county, place + "社区卫生服务中心", Kind.CommunityHealthCenter, Grade.Level1, place, random, taken), place);
        }

        foreach (var place in county.Towns.Where(p => !hasNamed(p)))
        {
            var name = place + (random.NextDouble() < 0.3 ? "中心卫生院" : "卫生院");
            yield return (Medical(county, name, Kind.TownshipHealthCenter, Grade.Level1, place, random, taken), place);
        }

        for (var i = 0; i < 2; i++)
        {
            var place = Pick(random, county.Subdistricts);
            var name = Unique(taken, () => Short(place) + Pick(random, Communities) + "社区卫生服务站");
            yield return (Medical(county, name, Kind.CommunityHealthStation, Grade.Ungraded, place, random, null), place);
        }

        foreach (var town in county.Towns.Take(2))
        {
            var name = Unique(taken, () => Short(town) + Pick(random, Villages) + "村卫生室");
            yield return (Medical(county, name, Kind.VillageClinic, Grade.Ungraded, town, random, null), town);
        }

        var seat = county.Subdistricts[0];
        var hospitals = county.County == "越城区"
            ? new[] { ("绍兴市人民医院", Kind.GeneralHospital, Grade.Level3), ("绍兴市第二医院", Kind.GeneralHospital, Grade.Level3) }
            : [(county.County + "人民医院", Kind.GeneralHospital, Grade.Level2), (county.County + "中医院", Kind.TcmHospital, Grade.Level2)];
        var others = new List<(string, Kind, Grade)>
        {
            (county.County + Pick(random, NursingHospitalWords) + "护理院", Kind.NursingHospital, Grade.Ungraded),
        };
        if (county.County is "柯桥区" or "诸暨市")
        {
            others.Add((county.County + "康复医院", Kind.RehabilitationHospital, Grade.Level1));
        }

        if (county.County is "越城区" or "诸暨市" or "新昌县")
        {
            others.Add((county.County + "安宁疗护中心", Kind.HospiceCenter, Grade.Ungraded));
        }

        foreach (var (name, kind, grade) in hospitals.Concat(others).Where(h => !taken.Contains(h.Item1)))
        {
            yield return (Medical(county, name, kind, grade, seat, random, taken), seat);
        }
    }

    private static MedicalSeed Medical(
        CountyPlaces county, string name, Kind kind, Grade grade, string place, Random random, HashSet<string>? taken)
    {
        taken?.Add(name);
        var tcm = kind == Kind.TcmHospital || (kind is not Kind.VillageClinic && random.NextDouble() < 0.55);
        var insurance = kind != Kind.VillageClinic || random.NextDouble() < 0.6;
        return new MedicalSeed(county.County, name, kind, grade, Address(county, place, random), tcm, insurance);
    }

    /// <summary>
    /// A home's agreements (绍市民〔2024〕6号: at least one partner, one of them 基层): about half signed with the
    /// 基层 institution of its place (some also with a hospital), some with a hospital only, some still negotiating,
    /// the rest not signed yet. Community and day-care organisations sign with their 基层 institution or not at all.
    /// </summary>
    private static IEnumerable<AgreementSeed> AgreementsOf(
        ElderCareSeed home, string place, List<(MedicalSeed Seed, string Place)> medical, Random random)
    {
        var inCounty = medical.Where(m => m.Seed.County == home.County).ToList();
        var primary = inCounty.Where(m => m.Seed.Kind is Kind.CommunityHealthCenter or Kind.TownshipHealthCenter).ToList();
        var local = primary.Find(m => m.Place == place).Seed ?? Pick(random, primary).Seed;
        var hospitals = inCounty.Where(m => m.Seed.Kind is Kind.GeneralHospital or Kind.TcmHospital).ToList();
        var hospital = Pick(random, hospitals).Seed;
        var draw = random.NextDouble();
        var signedShare = home.Kind switch
        {
            ElderCareInstitutionKind.NursingHome => 0.52,
            ElderCareInstitutionKind.CommunityHomeCare => 0.55,
            _ => 0.45,
        };

        if (draw < signedShare)
        {
            var template = random.NextDouble() < 0.6 ? AgreementTemplate.ProjectCooperation : AgreementTemplate.MedicalElderCareConsortium;
            yield return Effective(home, local, template, random);
            if (home.Kind == ElderCareInstitutionKind.NursingHome && random.NextDouble() < 0.35)
            {
                yield return Effective(home, hospital, AgreementTemplate.MedicalElderCareConsortium, random);
            }
        }
        else if (home.Kind == ElderCareInstitutionKind.NursingHome && draw < 0.68)
        {
            yield return Effective(home, hospital, AgreementTemplate.MedicalElderCareConsortium, random);
        }
        else if (home.Kind == ElderCareInstitutionKind.NursingHome && draw < 0.76)
        {
            var target = random.NextDouble() < 0.5 ? AgreementStatus.PendingMedicalReview : AgreementStatus.PendingSignature;
            yield return new AgreementSeed(home.Name, local.Name, AgreementTemplate.ProjectCooperation, target, random.Next(1, 12));
        }
    }

    /// <summary>Signed 6 to 330 days ago; its filings as far as the time since signing allows.</summary>
    private static AgreementSeed Effective(ElderCareSeed home, MedicalSeed partner, AgreementTemplate template, Random random)
    {
        var days = random.Next(6, 331);
        return new AgreementSeed(home.Name, partner.Name, template, AgreementStatus.Effective, days)
        {
            CivilAffairs = Filing(days, random),
            Health = Filing(days, random),
        };
    }

    /// <summary>
    /// Most filings go in within days and are accepted within a week; some are returned for a correction, some
    /// filed late, a few forgotten (逾期); recent ones still wait for the parties or the bureau.
    /// </summary>
    private static FilingPlan Filing(int daysSinceSigning, Random random)
    {
        var draw = random.NextDouble();
        var late = daysSinceSigning > 50 && random.NextDouble() < 0.12;
        var after = late ? random.Next(32, 45) : random.Next(1, Math.Min(20, Math.Max(2, daysSinceSigning - 3)));
        if (daysSinceSigning - after < 4)
        {
            return draw < 0.5 ? FilingPlan.Pending : FilingPlan.Submitted with { SubmittedAfterDays = after };
        }

        return draw switch
        {
            < 0.07 => FilingPlan.Pending,
            < 0.13 => FilingPlan.Returned with { SubmittedAfterDays = after },
            < 0.20 => FilingPlan.Accepted with { SubmittedAfterDays = after, Corrected = true },
            < 0.28 when daysSinceSigning < 60 => FilingPlan.Submitted with { SubmittedAfterDays = after },
            _ => FilingPlan.Accepted with { SubmittedAfterDays = after },
        };
    }
}
