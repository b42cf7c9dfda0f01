using Evacuation.Core.Deliveries;
using Evacuation.Core.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Evacuation.Channels.Telegram;

/// <summary>
/// The inline keyboard under an advisory: one button per reply code 1-4, labelled in the citizen's language with the
/// same words as the SMS reply codes ("1 Out of Ukraine"). A press arrives as a callback query whose data is
/// <c>reply:1</c>..<c>reply:4</c> (https://core.telegram.org/bots/api#inlinekeyboardbutton), whatever the label.
/// </summary>
public static class ReplyButtons
{
    public const string CallbackPrefix = Keyboards.ReplyPrefix;

    /// <summary>The four labels in <paramref name="language"/> (English for an unknown or missing one), digits first.</summary>
    public static IReadOnlyList<string> Labels(string? language)
    {
        var wording = Wordings.For(language);
        return [.. Enumerable.Range(1, 4).Select(wording.ButtonLabel)];
    }

    public static InlineKeyboardMarkup Keyboard(string? language = null)
    {
        var labels = Labels(language);
        InlineKeyboardButton Button(int code) => InlineKeyboardButton.WithCallbackData(labels[code - 1], CallbackPrefix + code);

        // Two rows of two: words fit on a phone screen.
        return new InlineKeyboardMarkup([[Button(1), Button(2)], [Button(3), Button(4)]]);
    }
}
