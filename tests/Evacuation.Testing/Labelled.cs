using Xunit;

namespace Evacuation.Testing;

// Table rows whose label is the test's display name ("Method [label]"), not an argument the test has to ignore or
// assert on. Written as TheoryData is, a label first in each row: new Labelled<int, string> { { "label", 1, "a" } }.

/// <summary>Labelled rows of one value.</summary>
public sealed class Labelled<T1> : List<TheoryDataRow<T1>>
{
    public void Add(string label, T1 p1) => Add(new TheoryDataRow<T1>(p1) { Label = label });
}

/// <summary>Labelled rows of 2 values.</summary>
public sealed class Labelled<T1, T2> : List<TheoryDataRow<T1, T2>>
{
    public void Add(string label, T1 p1, T2 p2) => Add(new TheoryDataRow<T1, T2>(p1, p2) { Label = label });
}

/// <summary>Labelled rows of 3 values.</summary>
public sealed class Labelled<T1, T2, T3> : List<TheoryDataRow<T1, T2, T3>>
{
    public void Add(string label, T1 p1, T2 p2, T3 p3) => Add(new TheoryDataRow<T1, T2, T3>(p1, p2, p3) { Label = label });
}

/// <summary>Labelled rows of 4 values.</summary>
public sealed class Labelled<T1, T2, T3, T4> : List<TheoryDataRow<T1, T2, T3, T4>>
{
    public void Add(string label, T1 p1, T2 p2, T3 p3, T4 p4) => Add(new TheoryDataRow<T1, T2, T3, T4>(p1, p2, p3, p4) { Label = label });
}

/// <summary>Labelled rows of 5 values.</summary>
public sealed class Labelled<T1, T2, T3, T4, T5> : List<TheoryDataRow<T1, T2, T3, T4, T5>>
{
    public void Add(string label, T1 p1, T2 p2, T3 p3, T4 p4, T5 p5) => Add(new TheoryDataRow<T1, T2, T3, T4, T5>(p1, p2, p3, p4, p5) { Label = label });
}

/// <summary>Labelled rows of 6 values.</summary>
public sealed class Labelled<T1, T2, T3, T4, T5, T6> : List<TheoryDataRow<T1, T2, T3, T4, T5, T6>>
{
    public void Add(string label, T1 p1, T2 p2, T3 p3, T4 p4, T5 p5, T6 p6) => Add(new TheoryDataRow<T1, T2, T3, T4, T5, T6>(p1, p2, p3, p4, p5, p6) { Label = label });
}

/// <summary>Labelled rows of 7 values.</summary>
public sealed class Labelled<T1, T2, T3, T4, T5, T6, T7> : List<TheoryDataRow<T1, T2, T3, T4, T5, T6, T7>>
{
    public void Add(string label, T1 p1, T2 p2, T3 p3, T4 p4, T5 p5, T6 p6, T7 p7) => Add(new TheoryDataRow<T1, T2, T3, T4, T5, T6, T7>(p1, p2, p3, p4, p5, p6, p7) { Label = label });
}

/// <summary>Labelled rows of 8 values.</summary>
public sealed class Labelled<T1, T2, T3, T4, T5, T6, T7, T8> : List<TheoryDataRow<T1, T2, T3, T4, T5, T6, T7, T8>>
{
    public void Add(string label, T1 p1, T2 p2, T3 p3, T4 p4, T5 p5, T6 p6, T7 p7, T8 p8) => Add(new TheoryDataRow<T1, T2, T3, T4, T5, T6, T7, T8>(p1, p2, p3, p4, p5, p6, p7, p8) { Label = label });
}
