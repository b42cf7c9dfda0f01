namespace Evacuation.Host.Replies;

/// <summary>
/// What a chat we do not know yet is asked: share the phone number, so we can find the citizen's record or enrol
/// them. Written in all four languages because we do not know theirs yet.
/// </summary>
public static class ContactQuestion
{
    public const string Text =
        "Please share your phone number with the button below so we can find your registration.\n" +
        "Поділіться, будь ласка, номером телефону кнопкою нижче.\n" +
        "Поделитесь, пожалуйста, номером телефона кнопкой ниже.\n" +
        "אנא שתפו את מספר הטלפון שלכם בכפתור למטה.";
}
