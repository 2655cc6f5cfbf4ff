namespace QaService.Retrieval;

/// <summary>What kind of thing a question asks for, read from its wording.</summary>
public enum AnswerType
{
    Unknown,
    Person,
    Place,
    Time,
    Count,
    Duration,
    Reason,
    YesNo,
    Description,
}
