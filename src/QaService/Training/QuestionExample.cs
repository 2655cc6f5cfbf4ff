using QaService.Answering.Learning;

namespace QaService.Host.Training;

/// <summary>
/// One training question in one retrieval mode: its candidates and which of them hold the answer.
/// <paramref name="Misleading"/> marks an answerable question rewritten to look answerable and not be (see
/// <see cref="MisleadingQuestion"/>), which is unanswerable.
/// </summary>
internal sealed record QuestionExample(string Document, bool Answerable, IReadOnlyList<Candidate> Candidates, bool[] Labels, bool Misleading = false);
