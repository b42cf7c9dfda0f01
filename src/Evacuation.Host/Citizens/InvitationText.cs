using Evacuation.Core.Citizens;

namespace Evacuation.Host.Citizens;

/// <summary>The SMS that carries a citizen's Telegram deep link, in their language.</summary>
public static class InvitationText
{
    public static string For(string language, string link) => language switch
    {
        Language.Hebrew => $"קבלו את הנחיות הפינוי בטלגרם: {link}",
        Language.Russian => $"Получайте указания по эвакуации в Telegram: {link}",
        Language.Ukrainian => $"Отримуйте вказівки щодо евакуації в Telegram: {link}",
        _ => $"Get evacuation advisories on Telegram: {link}",
    };
}
