using Evacuation.Core.Broadcasts;
using Evacuation.Core.Texts;

namespace Evacuation.Host.Citizens;

/// <summary>The SMS that carries a citizen's Telegram deep link, in their language, from the sender, saying we never ask for money or codes.</summary>
public static class InvitationText
{
    public static string For(string language, string link, Signature signature) =>
        Wordings.For(language).Invitation(signature.SenderIn(language), link);
}
