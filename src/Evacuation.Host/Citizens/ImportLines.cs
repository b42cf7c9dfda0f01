namespace Evacuation.Host.Citizens;

/// <summary>
/// Lines of an import the answer lists (refused rows, warnings): the first <see cref="Shown"/> in file order, and a count
/// of all of them, so a file of millions of bad rows answers in the same few hundred kilobytes and holds no more memory
/// than a file with a thousand.
/// </summary>
public sealed class ImportLines<T>
{
    public const int Shown = 1000;

    readonly List<T> first = [];

    public int Total { get; private set; }

    public IReadOnlyList<T> First => first;

    /// <summary>Adds a line; lines must come in file order, as the file is read.</summary>
    public void Add(T item)
    {
        Total++;
        if (first.Count < Shown)
        {
            first.Add(item);
        }
    }

    /// <summary>The first <see cref="Shown"/> lines of this list and <paramref name="other"/> (each in file order), in file order.</summary>
    public List<T> FirstWith(ImportLines<T> other, Func<T, int> lineOf) => [.. first.Concat(other.first).OrderBy(lineOf).Take(Shown)];
}
