namespace Evacuation.Host.Api;

/// <summary>
/// <c>page</c> and <c>pageSize</c> of a list: both bounded, so no page number can overflow into a negative offset
/// (which the database refuses with a 500) or ask the database to skip past billions of rows.
/// </summary>
public readonly record struct Paging(int Page, int Size)
{
    /// <summary>At the largest page size this is half a billion rows in: far past any registry.</summary>
    public const int MaxPage = 1_000_000;

    public int Skip => (Page - 1) * Size;

    /// <summary>The page asked for, or the 400 that says what is allowed.</summary>
    public static (Paging Paging, IResult? Problem) Read(int? page, int? pageSize, int defaultSize, int maxSize)
    {
        var p = page ?? 1;
        var size = pageSize ?? defaultSize;
        return p is < 1 or > MaxPage || size < 1 || size > maxSize
            ? (default, Problem.BadRequest($"page must be from 1 to 1,000,000 and pageSize from 1 to {maxSize}."))
            : (new Paging(p, size), null);
    }
}
