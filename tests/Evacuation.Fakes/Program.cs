// Both fakes as one process, for programs that run the service as separate processes (the cluster soak):
//   dotnet Evacuation.Fakes.dll TELEGRAM_PORT TWILIO_PORT [DOORS]
// Prints "ready telegram=URL twilio=URL doors=URL,URL,..." (DOORS more Telegram URLs, one for each process, so the
// log tells which process sent what: FakeSend.Port). Then reads commands, one a line, on standard input:
//   sends      prints one JSON line: every sendMessage and every SMS created, in arrival order, with its time
// and stops when standard input closes.
using System.Globalization;
using System.Text.Json;

namespace Evacuation.Fakes;

internal static class Program
{
    public static async Task Main(string[] args)
    {
        var telegramPort = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 0;
        var twilioPort = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        var doors = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0;
        await using var telegram = await FakeTelegramServer.StartAsync(FakeTelegramServer.DefaultToken, telegramPort, doors);
        await using var twilio = await FakeTwilioServer.StartAsync(port: twilioPort);
        Console.WriteLine($"ready telegram={telegram.BaseUrl} twilio={twilio.BaseUrl} doors={string.Join(',', telegram.DoorUrls)}");

        while (await Console.In.ReadLineAsync() is { } command)
        {
            if (command.Trim() == "sends")
            {
                var sends = telegram.Log.Timed().Where(r => r.Item.Method.Equals("sendMessage", StringComparison.OrdinalIgnoreCase))
                    .Select(r => new FakeSend("Telegram", r.Item.ChatId ?? "", r.Item.Text ?? "", r.At, r.Item.Port))
                    .Concat(twilio.Log.Timed().Select(r => new FakeSend("Sms", r.Item.To ?? "", r.Item.Body ?? "", r.At)))
                    .OrderBy(s => s.At);
                Console.WriteLine(JsonSerializer.Serialize(sends));
            }
        }
    }
}
