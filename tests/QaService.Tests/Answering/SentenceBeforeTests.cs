using QaService.Tests.Support;

namespace QaService.Tests.Answering;

/// <summary>
/// When an answer's sentence brings the one before it: only when it cannot stand alone ("In response, …"), not when its
/// opening names what it answers ("In response to the fare rise, …").
/// </summary>
public sealed class SentenceBeforeTests : IDisposable
{
    private const string FareRise = "Tram fares in Velmora rose by a third in May.";
    private const string FirstStrike = "In response to the fare rise, the riders' union called a three-day strike.";
    private const string ServiceCut = "The city council cut the night trams in June.";
    private const string SecondStrike = "In response, the riders' union called a second strike.";

    private readonly TempFolder documents = new();

    [Fact]
    public async Task Ask_AnswerSentenceThatNamesWhatItAnswers_StandsAlone_OneThatPointsBack_BringsTheSentenceBefore()
    {
        await using var app = new QaAppFactory(new Dictionary<string, string?>
        {
            [TestDefaults.Hybrid.Key] = TestDefaults.Hybrid.Value,
            ["Documents:IncludeBuiltIn"] = "false",
            ["Documents:Sources:0:Path"] = documents.File("trams.txt", $"Trams\n\n{FareRise} {FirstStrike}\n\n{ServiceCut} {SecondStrike}\n"),
        });
        using var client = app.CreateClient();

        var named = await client.AskOkAsync("How long was the strike the riders' union called over the fare rise?", mode: "extractive");
        var pointing = await client.AskOkAsync("What did the riders' union call a second time?", mode: "extractive");

        Assert.Equal(FirstStrike, named.Answer);
        Assert.Equal($"{SecondStrike} {ServiceCut}", pointing.Answer);
    }

    public void Dispose() => documents.Dispose();
}
