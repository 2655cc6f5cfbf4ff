using QaService.Answering.Learning;

namespace QaService.Host.Training;

/// <summary>One training question in one retrieval mode: its candidates and which of them hold the answer.</summary>
internal sealed record QuestionExample(string Document, bool Answerable, IReadOnlyList<Candidate> Candidates, bool[] Labels);
