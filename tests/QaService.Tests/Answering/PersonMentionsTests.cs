using QaService.Answering;

namespace QaService.Tests.Answering;

public sealed class PersonMentionsTests
{
    [Theory]
    [InlineData("U.S. President Donald Trump claimed that the leader was spared.")]
    [InlineData("It has embraced the visit of Masoud Pezeshkian.")]
    [InlineData("Despite the cordial relationship Pakistan enjoys with the unpredictable Donald Trump, it waits.")]
    [InlineData("Mayor Varga offered to mediate.")]
    public void In_FindsANamedPerson(string sentence) => Assert.True(PersonMentions.In(sentence));

    [Theory]
    [InlineData("Saudi Arabia has suspended the Abraham Accords.")]
    [InlineData("Pakistan supports a state in Gaza and the West Bank.")]
    [InlineData("India has put the Indus Water Treaty on hold.")]
    [InlineData("India ceased its so-called Operation Sindoor in June.")]
    [InlineData("The hostilities were stopped on the US intervention.")]
    [InlineData("Pakistan confronts the threat of the TTP in Khyber Pakhtunkhwa.")]
    public void In_FindsNoPersonInPlacesBodiesAndThings(string sentence) => Assert.False(PersonMentions.In(sentence));
}
