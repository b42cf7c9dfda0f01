using Evacuation.Core.Citizens;

namespace Evacuation.Core.Replies;

/// <summary>
/// Russian replies, in Cyrillic and in the Latin transliterations people type on phones without a Cyrillic
/// keyboard. "ё" is written "е" here because <see cref="ReplyText"/> folds it so.
/// </summary>
internal static class RussianPhrases
{
    public static Vocabulary Vocabulary { get; } = new()
    {
        Departed =
        [
            "выехал", "выехала", "выехали", "уехал", "уехала", "уехали", "мы выехали", "уже выехали", "выбрались",
            "выбрался", "выбралась", "пересекли границу", "пересек границу", "пересекла границу", "перешли границу",
            "перешел границу", "перешла границу", "прошли границу", "прошли таможню", "за границей", "уже за границей",
            "покинули украину", "покинул украину", "покинула украину", "эвакуировались", "эвакуировался",
            "vyehal", "vyehala", "vyehali", "viehali", "vyekhal", "vyekhala", "vyekhali", "uehal", "uehali", "uekhal",
            "uekhali", "pereshli granicu", "pereshli granitsu", "peresekli granicu", "peresekli granitsu", "vybralis",
            "пересекли", "пересек",
            "пересекла", "на польской стороне", "на молдавской стороне", "на румынской стороне", "на венгерской стороне",
            "на словацкой стороне", "уже не в украине", "уже не на украине", "больше не в украине", "больше не на украине",
            "не в украине уже", "за пределами украины", "за пределами страны", "вне украины", "uzhe ne v ukraine",
            "za predelami ukrainy",
            .. Vocabulary.Combine(["мы", "я"], ["не в украине", "не на украине"]),
            .. Vocabulary.Combine(["мы в", "я в", "уже в", "сейчас в", "мы уже в"], ["польше", "молдове", "румынии", "венгрии", "словакии"]),
            .. Vocabulary.Combine(["my v", "ya v", "uzhe v", "my uzhe v"], ["polshe", "moldove", "rumynii", "vengrii", "slovakii"]),
        ],
        OnTheWay =
        [
            "в пути", "едем", "еду", "уже едем", "в дороге", "выезжаем", "выезжаю", "уезжаем", "уезжаю", "на границе",
            "стоим на границе", "в очереди", "направляемся", "выдвигаемся", "выехали в сторону границы", "едем к границе",
            "v puti", "edem", "yedem", "v doroge", "vyezzhaem", "uezzhaem", "na granice",
        ],
        Staying =
        [
            "остаюсь", "остаемся", "остаемся дома", "останусь", "останемся", "решили остаться", "не уезжаю", "не уезжаем",
            "не выезжаю", "не выезжаем", "не еду", "не едем", "не поеду", "не поедем", "никуда не еду", "никуда не едем",
            "ostayus", "ostaius", "ostaemsya", "ostaemsia", "ostayomsya", "ne edem", "ne uezzhaem",
        ],
        NeedsHelp =
        [
            "помощь", "помощи", "помогите", "помоги", "нужна помощь", "сос", "застрял", "застряла", "застряли", "ранен",
            "ранена", "ранены", "раненый", "опасность", "в опасности", "спасите", "нужна эвакуация", "эвакуируйте", "не можем выехать", "не могу выехать",
            "не можем уехать", "не могу уехать", "нет транспорта", "нет машины", "под обстрелом", "обстрел", "скорая",
            "pomogite", "pomosh", "pomoshch", "pomosch", "pomoshh", "nuzhna pomosh", "nuzhna pomoshch", "zastryali",
            "zastrial", "zastryal", "spasite",
        ],
        Neutral =
        [
            "не нужна помощь", "помощь не нужна", "нам не нужна помощь", "спасибо за помощь", "выехать", "уехать",
            "хотим выехать", "vyehat", "uehat", "нет проблем", "без проблем",
        ],
        Route = ["маршрут", "маршрута", "маршруты", "куда ехать", "какой переход", "какой пункт пропуска", "карта", "marshrut"],
        Stop = ["отписаться", "отписка", "отпишите", "не присылайте", "больше не пишите", "не пишите", "otpisatsya", "otpiska"],
        StopWhenFirst = ["стоп", "хватит", "отмена", "отменить", "прекратить"],
        StartWhenFirst = ["старт", "да", "подписаться", "возобновить", "начать", "da", "start"],
        JoinWhenFirst = ["регистрация", "зарегистрироваться", "присоединиться", "записаться", "registratsiya", "registraciya"],
        LanguageWords = ["язык", "языка", "языке", "языки", "yazyk", "jazyk"],
        Commands = ["маршрут", "стоп", "старт", "язык", "помощь", "помогите", "сос"],
        NearMisses = RussianNearMisses.Words,
        LanguageNames = new Dictionary<string, IReadOnlyList<string>>
        {
            [Language.English] = ["английский", "английском", "английскому", "англ"],
            [Language.Hebrew] = ["иврит", "иврите", "ивриту"],
            [Language.Russian] = ["русский", "русском", "русскому", "рус"],
            [Language.Ukrainian] = ["украинский", "украинском", "украинскому", "укр"],
        },
        Negations = ["не", "нет", "ни", "никак", "ne", "net"],
    };
}
