using Evacuation.Core.Deliveries;
using Telegram.Bot.Types.ReplyMarkups;

namespace Evacuation.Channels.Telegram;

/// <summary>
/// The inline keyboard under an advisory: one button per reply code 1-4. A press arrives as a callback query whose
/// data is <c>reply:1</c>..<c>reply:4</c> (https://core.telegram.org/bots/api#inlinekeyboardbutton).
/// </summary>
public static class ReplyButtons
{
    public const string CallbackPrefix = Keyboards.ReplyPrefix;

    /// <summary>Digits first so the buttons read the same as the SMS reply codes in any language.</summary>
    public static readonly IReadOnlyList<string> EnglishLabels = ["1 Left", "2 On my way", "3 Staying", "4 Help"];

    public static InlineKeyboardMarkup Keyboard(IReadOnlyList<string>? labels = null)
    {
        labels ??= EnglishLabels;
        if (labels.Count != 4)
        {
            throw new ArgumentException("Exactly four labels are needed, one per reply code 1-4.", nameof(labels));
        }

        InlineKeyboardButton Button(int code) => InlineKeyboardButton.WithCallbackData(labels[code - 1], CallbackPrefix + code);

        // Two rows of two: words fit on a phone screen.
        return new InlineKeyboardMarkup([[Button(1), Button(2)], [Button(3), Button(4)]]);
    }
}
