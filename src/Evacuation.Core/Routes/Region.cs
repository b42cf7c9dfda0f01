namespace Evacuation.Core.Routes;

/// <summary>A Ukrainian oblast or major city, with the point we route from when a citizen gave no location.</summary>
public sealed record Region(string Name, double Latitude, double Longitude, IReadOnlyList<string> Aliases);
