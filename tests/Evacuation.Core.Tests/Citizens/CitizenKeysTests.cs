using Evacuation.Core.Citizens;

namespace Evacuation.Core.Tests.Citizens;

/// <summary>Which stored citizen a record updates, and when the registry refuses it.</summary>
public sealed class CitizenKeysTests
{
    const string AnnaPhone = "+380501111111";
    const string BorysPhone = "+380502222222";

    /// <summary>Anna came from a consular record (externalId A-1); Borys enrolled himself (no externalId).</summary>
    static (CitizenKeys Keys, Citizen Anna, Citizen Borys) Registry()
    {
        var anna = new Citizen { ExternalId = "A-1", Name = "Anna", Phone = AnnaPhone, TelegramChatId = 11 };
        var borys = new Citizen { Name = "Borys", Phone = BorysPhone, TelegramChatId = 22 };
        var keys = new CitizenKeys(2);
        keys.Index(anna);
        keys.Index(borys);
        return (keys, anna, borys);
    }

    static CitizenFields Record(string? externalId = null, string? phone = null, long? chat = null) =>
        new(externalId, "", phone, chat, Language.English, null, 1, LanguageGiven: false, HouseholdSizeGiven: false);

    public static IEnumerable<TheoryDataRow<string?, string?, long?, string?>> Updates =>
    [
        new("B-9", "+380509999999", null, null) { TestDisplayName = "an unknown record is a new citizen" },
        new("A-1", null, null, "Anna") { TestDisplayName = "the same externalId updates, whatever else it says" },
        new("A-1", AnnaPhone, 11, "Anna") { TestDisplayName = "the same externalId with the phone it already has updates" },
        new(null, AnnaPhone, null, "Anna") { TestDisplayName = "a phone alone finds its citizen" },
        new(null, null, 22, "Borys") { TestDisplayName = "a chat alone finds its citizen" },
        new("B-2", BorysPhone, null, "Borys") { TestDisplayName = "a consular record finds a citizen who enrolled himself by phone" },
    ];

    [Theory]
    [MemberData(nameof(Updates))]
    public void A_record_updates_the_citizen_its_keys_name(string? externalId, string? phone, long? chat, string? updated)
    {
        var (keys, _, _) = Registry();

        var match = keys.Match(Record(externalId, phone, chat));

        Assert.Null(match.Refusal);
        Assert.Equal(updated, match.Target?.Name);
    }

    public static IEnumerable<TheoryDataRow<string?, string?, long?, string>> Refusals =>
    [
        new("B-2", AnnaPhone, null, "phone +*********111 already belongs to another citizen (externalId A-1)") { TestDisplayName = "another consular record with Anna's phone" },
        new("A-1", null, 22, "telegramChatId 22 already belongs to another citizen (id ") { TestDisplayName = "Anna's record with Borys's chat" },
        new(null, AnnaPhone, 22, "telegramChatId 22 already belongs to another citizen") { TestDisplayName = "a phone of one citizen and the chat of another" },
        new("C-3", null, null, CitizenRules.NeedsContact) { TestDisplayName = "a new externalId with no phone and no chat" },
    ];

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_record_is_refused_rather_than_move_a_key_from_one_citizen_to_another(string? externalId, string? phone, long? chat, string reason)
    {
        var (keys, _, _) = Registry();

        var match = keys.Match(Record(externalId, phone, chat));

        Assert.Null(match.Target);
        Assert.StartsWith(reason, match.Refusal);
    }

    [Fact]
    public void An_update_keeps_what_it_leaves_empty_and_names_what_it_changed()
    {
        var stored = new Citizen { Name = "Anna", Phone = AnnaPhone, SmsUnreachable = true, Language = Language.Hebrew, HouseholdSize = 3, Region = "Lviv" };

        var changed = (Record(phone: BorysPhone) with { Region = "Kyiv" }).ApplyTo(stored);

        Assert.Equal(["phone", "region"], changed);
        Assert.Equal(("Anna", BorysPhone, false, Language.Hebrew, 3, "Kyiv"),
            (stored.Name, stored.Phone, stored.SmsUnreachable, stored.Language, stored.HouseholdSize, stored.Region));
    }
}
