using QaService.Answering;
using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>
/// Questions typed in the full-width forms of an East Asian keyboard, or with invisible characters pasted into their
/// words, read as the same question in plain ASCII.
/// </summary>
public sealed class TypedQuestionFormTests
{
    [Theory]
    [InlineData("Ｈｏｗ\u3000ｌｏｎｇ ｄｉｄ ｔｈｅ １２－ｄａｙ ｗａｒ ｌａｓｔ？", "How long did the 12-day war last?")]
    [InlineData("Who is Pez\u200Besh\u00ADkian\u2060?", "Who is Pezeshkian?")]
    [InlineData("Who\u00A0is\u2003Pezeshkian\u2028?", "Who is Pezeshkian ?")]
    [InlineData("Who is \U000E0041Pezeshkian?", "Who is Pezeshkian?")]
    [InlineData("Who is Pez\uD83Deshkian?", "Who is Pez eshkian?")]
    [InlineData("Who is 👩‍💻 Pezeshkian?", "Who is 👩💻 Pezeshkian?")]
    [InlineData("\u001b[31mWho wrote it?\u001b[0m", "Who wrote it?")]
    [InlineData("Who is \u001b[1;32mPezeshkian\u001b[K?", "Who is Pezeshkian?")]
    [InlineData("Who is \u001b]8;;https://example.org\u001b\\Pezeshkian\u001b]8;;\u001b\\?", "Who is Pezeshkian?")]
    public void Clean_FoldsFullWidthFormsAndSpaces_AndDropsInvisibleCharacters(string typed, string cleaned) =>
        Assert.Equal(cleaned, QuestionText.Clean(typed, 500));

    [Theory]
    [InlineData("Who is Pez\u200Beshkian?", "Who is Pezeshkian?")]
    [InlineData("Who is Pez\u00ADesh\u200Dkian\u200C?", "Who is Pezeshkian?")]
    [InlineData("Ｗｈｏ ｗｒｏｔｅ ｔｈｅ ａｒｔｉｃｌｅ？", "Who wrote the article?")]
    [InlineData("Ｗｈａｔ\u3000ｉｓ ｔｈｉｓ ａｒｔｉｃｌｅ ａｂｏｕｔ？", "What is this article about?")]
    public async Task Ask_InFullWidthFormsOrWithInvisibleCharacters_IsAnsweredAsInPlainAscii(string typedQuestion, string ascii)
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var typed = await client.AskOkAsync(typedQuestion, mode: "extractive");
        var plain = await client.AskOkAsync(ascii, mode: "extractive");

        Assert.False(typed.Abstained, typed.Answer);
        Assert.Equal(plain.Answer, typed.Answer);
    }
}
