using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>
/// A question written in a script its documents do not use is told so, not that the document does not say; in the
/// documents' own script the same kind of question is read as any other.
/// </summary>
public sealed class ForeignScriptTests
{
    [Theory]
    [InlineData("巴基斯坦总统是谁？", "Chinese characters")]
    [InlineData("Какой президент Ирана посетил Пакистан?", "the Cyrillic alphabet")]
    [InlineData("ما هو الممر الاقتصادي؟", "Arabic script")]
    public async Task OverTheEnglishArticle_AQuestionInAnotherScript_IsToldWhyItCannotBeAnswered(string question, string script)
    {
        await using var app = new QaAppFactory().WithSetting("Retrieval:Dense", "false");

        var reply = await app.CreateClient().AskOkAsync(question, mode: "extractive");

        Assert.True(reply.Abstained, reply.Answer);
        Assert.StartsWith($"The question is written in {script}, and the article is not", reply.Answer, StringComparison.Ordinal);
        Assert.Equal(1, reply.Confidence);
        Assert.Empty(reply.Citations);
    }

    [Theory]
    [InlineData("Who is the 巴基斯坦总统?")]
    [InlineData("What is CPEC (中巴经济走廊)?")]
    public async Task OverTheEnglishArticle_AQuestionHalfOrMoreInItsScript_IsReadAsAnyOther(string question)
    {
        await using var app = new QaAppFactory().WithSetting("Retrieval:Dense", "false");

        var reply = await app.CreateClient().AskOkAsync(question, mode: "extractive");

        Assert.DoesNotContain("is written in", reply.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ｗｈｉｃｈ ｉｒａｎｉａｎ ｐｒｅｓｉｄｅｎｔ ｖｉｓｉｔｅｄ ｐａｋｉｓｔａｎ？")]
    [InlineData("𝐖𝐡𝐢𝐜𝐡 𝐈𝐫𝐚𝐧𝐢𝐚𝐧 𝐩𝐫𝐞𝐬𝐢𝐝𝐞𝐧𝐭 𝐯𝐢𝐬𝐢𝐭𝐞𝐝 𝐏𝐚𝐤𝐢𝐬𝐭𝐚𝐧?")]
    public async Task LatinLettersInFullWidthOrMathematicalForms_AreNotAnotherScript(string question)
    {
        await using var app = new QaAppFactory().WithSetting("Retrieval:Dense", "false");

        var reply = await app.CreateClient().AskOkAsync(question, mode: "extractive");

        Assert.DoesNotContain("is written in", reply.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJapaneseQuestion_IsCalledJapanese_ThoughMostOfItsLettersAreChineseCharacters()
    {
        await using var app = new QaAppFactory().WithSetting("Retrieval:Dense", "false");

        var reply = await app.CreateClient().AskOkAsync("パキスタン大統領選挙結果", mode: "extractive");

        Assert.StartsWith("The question is written in Japanese script", reply.Answer, StringComparison.Ordinal);
        Assert.Empty(reply.Citations);
    }

    [Fact]
    public async Task OverDocumentsWithoutLetters_NoQuestionIsForeign()
    {
        using var folder = new TempFolder();
        var document = folder.File("figures.txt", "1914 1918 1939 1945.\n\n2001 2008 2020.\n");
        await using var app = new QaAppFactory(new Dictionary<string, string?>
        {
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = document,
            ["Retrieval:Dense"] = "false",
        });

        var reply = await app.CreateClient().AskOkAsync("When did 1945 come?", mode: "extractive");

        Assert.DoesNotContain("is written in", reply.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverARussianDocument_ARussianQuestionIsAnswered_AndAnEnglishOneIsTheForeignOne()
    {
        using var folder = new TempFolder();
        var document = folder.File("moscow.txt", """
            Москва

            Москва — столица России. В Москве живёт более двенадцати миллионов человек.

            Город стоит на реке Москве. Кремль построен в пятнадцатом веке.
            """);
        await using var app = new QaAppFactory(new Dictionary<string, string?>
        {
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = document,
            ["Retrieval:Dense"] = "false",
            ["Answering:MinConfidence"] = "0",
        });
        var client = app.CreateClient();

        var russian = await client.AskOkAsync("Сколько человек живёт в Москве?", mode: "extractive");
        var english = await client.AskOkAsync("How many people live in Moscow?", mode: "extractive");

        Assert.False(russian.Abstained, russian.Answer);
        Assert.Contains("миллионов", russian.Answer, StringComparison.Ordinal);
        Assert.True(english.Abstained, english.Answer);
        Assert.StartsWith("The question is written in the Latin alphabet", english.Answer, StringComparison.Ordinal);
    }
}
