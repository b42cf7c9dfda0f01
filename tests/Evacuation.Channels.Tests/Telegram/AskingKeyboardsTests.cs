using Evacuation.Channels.Telegram;
using Telegram.Bot.Types.ReplyMarkups;

namespace Evacuation.Channels.Tests.Telegram;

public sealed class AskingKeyboardsTests
{
    [Theory]
    [InlineData("location:uk", "📍 Надіслати геопозицію")]
    [InlineData("location:ru", "📍 Отправить геопозицию")]
    [InlineData("location:he", "📍 שליחת המיקום שלי")]
    [InlineData("location:en", "📍 Send my location")]
    [InlineData("location", "📍 Send my location")]
    public void The_location_button_speaks_the_citizens_language(string stored, string label)
    {
        var keyboard = Assert.IsType<ReplyKeyboardMarkup>(AskingKeyboards.For(stored));

        var button = Assert.Single(Assert.Single(keyboard.Keyboard));
        Assert.Equal(label, button.Text);
        Assert.True(button.RequestLocation);
    }

    [Fact]
    public void The_phone_button_asked_of_strangers_speaks_all_four_languages()
    {
        var keyboard = Assert.IsType<ReplyKeyboardMarkup>(AskingKeyboards.For("contact"));

        var button = Assert.Single(Assert.Single(keyboard.Keyboard));
        Assert.True(button.RequestContact);
        Assert.Equal("📱 Send my phone number / שליחת מספר הטלפון שלי / Отправить номер телефона / Надіслати номер телефону", button.Text);
    }

    [Fact]
    public void The_language_buttons_name_each_language_in_itself()
    {
        var keyboard = Assert.IsType<InlineKeyboardMarkup>(AskingKeyboards.For("language:ru"));

        Assert.Equal(["English", "עברית", "Русский", "Українська"], keyboard.InlineKeyboard.SelectMany(row => row).Select(b => b.Text));
        Assert.Equal(["lang:en", "lang:he", "lang:ru", "lang:uk"], keyboard.InlineKeyboard.SelectMany(row => row).Select(b => b.CallbackData));
    }

    [Fact]
    public void An_unknown_keyboard_is_none()
    {
        Assert.Null(AskingKeyboards.For("weather:uk"));
        Assert.Null(AskingKeyboards.For(null));
    }
}
