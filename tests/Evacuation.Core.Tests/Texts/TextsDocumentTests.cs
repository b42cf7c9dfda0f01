namespace Evacuation.Core.Tests.Texts;

public sealed class TextsDocumentTests
{
    [Fact]
    public void The_texts_for_review_in_docs_are_the_texts_we_send()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "texts.md");
        var expected = TextsDocument.Write();
        if (Environment.GetEnvironmentVariable("EVAC_WRITE_TEXTS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        Assert.True(expected == actual,
            "docs/texts.md is out of date: run EVAC_WRITE_TEXTS=1 dotnet test --project tests/Evacuation.Core.Tests -- --filter-class \"*TextsDocumentTests\"");
    }

    static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Evacuation.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("Evacuation.sln not found above " + AppContext.BaseDirectory);
    }
}
