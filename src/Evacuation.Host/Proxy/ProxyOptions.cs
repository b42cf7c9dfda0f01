using System.Net;
using Microsoft.Extensions.Options;

namespace Evacuation.Host.Proxy;

/// <summary>
/// <c>Proxy:*</c>: the reverse proxies in front of the nodes. Behind a proxy every request comes from the proxy's
/// address, so per-address limits would put every citizen in one bucket. Only a proxy listed here is believed when it
/// names the client in <c>X-Forwarded-For</c>; anyone else could forge that header to dodge the limits.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/24</c>) of the proxies whose X-Forwarded-For and X-Forwarded-Proto are trusted. Empty: none (the default).</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>The parsed <see cref="TrustedProxies"/>; the validator has refused anything that does not parse.</summary>
    public IReadOnlyList<IPNetwork> Networks() =>
        TrustedProxies.Select(t => TryParse(t, out var network) ? network : throw new InvalidOperationException(t)).ToList();

    static bool TryParse(string text, out IPNetwork network)
    {
        text = text.Trim();
        if (IPAddress.TryParse(text, out var address) && !text.Contains('/'))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return IPNetwork.TryParse(text, out network);
    }

    public sealed class Validator : IValidateOptions<ProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProxyOptions options)
        {
            var bad = options.TrustedProxies.Select((text, index) => (text, index)).Where(t => !TryParse(t.text, out _)).ToList();
            return bad.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(bad.Select(b =>
                    $"{Section}:{nameof(TrustedProxies)}:{b.index} is '{b.text}', which is neither an IP address nor a network such as 10.0.0.0/24"));
        }
    }
}
