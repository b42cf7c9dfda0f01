using System.Globalization;
using Evacuation.Core.Citizens;

namespace Evacuation.Core.Drills;

/// <summary>
/// Demo citizens spread as the mission's are: Hebrew, Russian, Ukrainian and English speakers, most in the big cities
/// (Kyiv, Odesa, Kharkiv, Dnipro) and the rest across the country, alone or with their households, most reachable on
/// Telegram and by SMS, some by SMS only. The same seed gives the same people.
/// </summary>
public static class DrillPopulation
{
    static readonly (string Language, int Weight)[] Languages =
        [(Language.Hebrew, 35), (Language.Russian, 30), (Language.Ukrainian, 20), (Language.English, 15)];

    static readonly (string Region, int Weight)[] Regions =
    [
        ("Kyiv", 24), ("Odesa", 12), ("Kharkiv", 10), ("Dnipro", 9), ("Lviv", 7), ("Uman", 6), ("Zaporizhzhia", 5),
        ("Zhytomyr", 3), ("Vinnytsia", 3), ("Chernivtsi", 3), ("Mykolaiv", 3), ("Poltava", 3), ("Chernihiv", 3),
        ("Zakarpattia", 2), ("Ivano-Frankivsk", 2), ("Kherson", 2), ("Sumy", 2), ("Bila Tserkva", 1),
    ];

    static readonly (int Size, int Weight)[] Households = [(1, 35), (2, 25), (3, 18), (4, 14), (5, 6), (6, 2)];

    /// <summary>Both channels, SMS only, Telegram only.</summary>
    static readonly (int Kind, int Weight)[] Reach = [(0, 65), (1, 25), (2, 10)];

    /// <summary>
    /// <paramref name="count"/> citizens of drill <paramref name="drillId"/>. Phones are +38050 numbers from a seeded start
    /// (the caller drops any already taken by a real citizen). Chat ids are negative, which Telegram gives only to groups,
    /// never to a private chat, so no real person's chat can ever be taken for a drill citizen's.
    /// </summary>
    public static List<Citizen> Make(Guid drillId, int count, int seed, DateTime now, string createdBy)
    {
        var random = new Random(seed);
        var firstPhone = 9_000_000 - count - random.Next(1_000_000);
        var firstChat = -(7_100_000_000L + random.Next(100_000_000));
        var citizens = new List<Citizen>(count);
        for (var n = 0; n < count; n++)
        {
            var language = Pick(Languages, random);
            var reach = Pick(Reach, random);
            citizens.Add(new Citizen
            {
                DrillId = drillId,
                ExternalId = $"drill-{drillId:N}-{n + 1}",
                Name = DrillNames.Pick(language, random),
                Language = language,
                Region = Pick(Regions, random),
                HouseholdSize = Pick(Households, random),
                Phone = reach == 2 ? null : "+38050" + (firstPhone + n).ToString("D7", CultureInfo.InvariantCulture),
                TelegramChatId = reach == 1 ? null : firstChat - n,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedBy = createdBy,
            });
        }
        return citizens;
    }

    static T Pick<T>((T Value, int Weight)[] table, Random random)
    {
        var roll = random.Next(table.Sum(t => t.Weight));
        foreach (var (value, weight) in table)
        {
            if (roll < weight)
            {
                return value;
            }
            roll -= weight;
        }
        return table[^1].Value;
    }
}
