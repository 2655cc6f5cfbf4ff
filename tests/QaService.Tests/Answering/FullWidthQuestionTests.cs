using QaService.Answering;
using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>Questions typed in the full-width forms of an East Asian keyboard read as the same question in ASCII.</summary>
public sealed class FullWidthQuestionTests
{
    [Fact]
    public void Clean_FoldsFullWidthFormsAndTheIdeographicSpace() =>
        Assert.Equal("How long did the 12-day war last?", QuestionText.Clean("Ｈｏｗ\u3000ｌｏｎｇ ｄｉｄ ｔｈｅ １２－ｄａｙ ｗａｒ ｌａｓｔ？", 500));

    [Theory]
    [InlineData("Ｗｈｏ ｗｒｏｔｅ ｔｈｅ ａｒｔｉｃｌｅ？", "Who wrote the article?")]
    [InlineData("Ｗｈａｔ\u3000ｉｓ ｔｈｉｓ ａｒｔｉｃｌｅ ａｂｏｕｔ？", "What is this article about?")]
    public async Task Ask_InFullWidthForms_IsAnsweredAsInAscii(string fullWidth, string ascii)
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var typed = await client.AskOkAsync(fullWidth, mode: "extractive");
        var plain = await client.AskOkAsync(ascii, mode: "extractive");

        Assert.False(typed.Abstained, typed.Answer);
        Assert.Equal(plain.Answer, typed.Answer);
    }
}
