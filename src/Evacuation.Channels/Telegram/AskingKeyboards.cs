using Evacuation.Core.Deliveries;
using Telegram.Bot.Types.ReplyMarkups;

namespace Evacuation.Channels.Telegram;

/// <summary>
/// Keyboards that ask the citizen for something during enrolment: their phone number (request_contact), their
/// location (request_location), or their language (inline buttons <c>lang:xx</c>).
/// See https://core.telegram.org/bots/api#keyboardbutton and #inlinekeyboardbutton.
/// </summary>
public static class AskingKeyboards
{
    public static ReplyMarkup? For(string? keyboard) => keyboard switch
    {
        Keyboards.Contact => new ReplyKeyboardMarkup(KeyboardButton.WithRequestContact("📱 Share my phone number / Поділитися номером"))
        {
            OneTimeKeyboard = true,
            ResizeKeyboard = true,
        },
        Keyboards.Location => new ReplyKeyboardMarkup(KeyboardButton.WithRequestLocation("📍 Share my location / Поділитися місцем"))
        {
            OneTimeKeyboard = true,
            ResizeKeyboard = true,
        },
        Keyboards.Language => new InlineKeyboardMarkup(
        [
            [Button("English", "en"), Button("עברית", "he")],
            [Button("Русский", "ru"), Button("Українська", "uk")],
        ]),
        _ => null,
    };

    static InlineKeyboardButton Button(string label, string code) => InlineKeyboardButton.WithCallbackData(label, Keyboards.LanguagePrefix + code);
}
