using Evacuation.Core.Deliveries;
using Evacuation.Core.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Evacuation.Channels.Telegram;

/// <summary>
/// Keyboards that ask the citizen for something: their phone number (request_contact), their location
/// (request_location), or their language (inline buttons <c>lang:xx</c>), labelled in the citizen's language.
/// See https://core.telegram.org/bots/api#keyboardbutton and #inlinekeyboardbutton.
/// </summary>
public static class AskingKeyboards
{
    /// <summary>The keyboard stored on a delivery (<see cref="Keyboards.Read"/>), or null for none.</summary>
    public static ReplyMarkup? For(string? stored)
    {
        var (name, language) = Keyboards.Read(stored);
        return name switch
        {
            Keyboards.Contact => OneButton(KeyboardButton.WithRequestContact(ContactLabel(language))),
            Keyboards.Location => OneButton(KeyboardButton.WithRequestLocation(Wordings.For(language).ShareLocationButton)),
            Keyboards.Language => new InlineKeyboardMarkup(
            [
                [Button(Wordings.All[0]), Button(Wordings.All[1])],
                [Button(Wordings.All[2]), Button(Wordings.All[3])],
            ]),
            _ => null,
        };
    }

    /// <summary>
    /// The phone number is asked of chats we do not know yet, so without a language the button speaks all four
    /// (each label short, so the button stays one line).
    /// </summary>
    static string ContactLabel(string? language) =>
        language is null
            ? "📱 " + string.Join(" / ", Wordings.All.Select(w => w.SharePhoneButton.Replace("📱 ", "", StringComparison.Ordinal)))
            : Wordings.For(language).SharePhoneButton;

    static ReplyKeyboardMarkup OneButton(KeyboardButton button) => new(button) { OneTimeKeyboard = true, ResizeKeyboard = true };

    static InlineKeyboardButton Button(Wording wording) =>
        InlineKeyboardButton.WithCallbackData(wording.OwnName, Keyboards.LanguagePrefix + wording.Language);
}
