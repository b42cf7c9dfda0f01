using Evacuation.Core.Citizens;

namespace Evacuation.Core.Routes;

/// <summary>The words of <see cref="RouteDirections"/> in one language. Short on purpose: it ends up in SMS.</summary>
internal sealed record DirectionsPhrasebook(
    Func<string, string, int, string, string> Where,
    IReadOnlyList<string> CompassPoints,
    string PedestriansMayCross,
    string VehiclesOnly,
    string Congested,
    string Closed)
{
    public static DirectionsPhrasebook For(string language) =>
        Books.TryGetValue(language, out var book) ? book : Books[Language.English];

    // Compass points are listed in CompassPoint order: N, NE, E, SE, S, SW, W, NW.
    static readonly Dictionary<string, DirectionsPhrasebook> Books = new()
    {
        [Language.English] = new(
            (name, country, km, direction) => $"{name} ({country}), about {km} km {direction} of you.",
            ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"],
            "Pedestrians may cross.",
            "Vehicles only, no pedestrians.",
            "Long queues reported.",
            "Closed now."),
        [Language.Hebrew] = new(
            (name, country, km, direction) => $"{name} ({country}), כ-{km} ק״מ {direction} לך.",
            ["צפונית", "צפונית-מזרחית", "מזרחית", "דרומית-מזרחית", "דרומית", "דרומית-מערבית", "מערבית", "צפונית-מערבית"],
            "מותר לעבור ברגל.",
            "לרכבים בלבד, לא להולכי רגל.",
            "מדווחים תורים ארוכים.",
            "סגור כעת."),
        [Language.Russian] = new(
            (name, country, km, direction) => $"{name} ({country}), примерно {km} км {direction} от вас.",
            ["к северу", "к северо-востоку", "к востоку", "к юго-востоку", "к югу", "к юго-западу", "к западу", "к северо-западу"],
            "Пешком пройти можно.",
            "Только для транспорта, пешком нельзя.",
            "Большие очереди.",
            "Сейчас закрыт."),
        [Language.Ukrainian] = new(
            (name, country, km, direction) => $"{name} ({country}), приблизно {km} км {direction} від вас.",
            ["на північ", "на північний схід", "на схід", "на південний схід", "на південь", "на південний захід", "на захід", "на північний захід"],
            "Пішки перейти можна.",
            "Лише для транспорту, пішки не можна.",
            "Великі черги.",
            "Зараз закритий."),
    };
}
