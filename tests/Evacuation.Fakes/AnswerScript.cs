using System.Collections.Concurrent;

namespace Evacuation.Fakes;

/// <summary>
/// Which answer a fake gives: first any queued one-off answer, then a standing answer for the address (chat id or
/// phone number), then a standing answer for everything, else success. Thread-safe.
/// </summary>
public sealed class AnswerScript
{
    private readonly ConcurrentQueue<FakeAnswer> next = new();
    private readonly ConcurrentDictionary<string, FakeAnswer> byAddress = new(StringComparer.Ordinal);
    private FakeAnswer? always;

    /// <summary>Answer the next request (one each, in order) with these.</summary>
    public void Next(params FakeAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            next.Enqueue(answer);
        }
    }

    /// <summary>Answer every request for this address with this, until <see cref="Clear"/>.</summary>
    public void ForAddress(string address, FakeAnswer answer) => byAddress[address] = answer;

    /// <summary>Answer every request with this (a revoked token, an outage), until <see cref="Clear"/>.</summary>
    public void Always(FakeAnswer answer) => Volatile.Write(ref always, answer);

    public void Clear()
    {
        next.Clear();
        byAddress.Clear();
        Volatile.Write(ref always, null);
    }

    public FakeAnswer Pick(string? address)
    {
        if (next.TryDequeue(out var queued))
        {
            return queued;
        }

        if (address is not null && byAddress.TryGetValue(address, out var standing))
        {
            return standing;
        }

        return Volatile.Read(ref always) ?? FakeAnswer.Success;
    }
}
