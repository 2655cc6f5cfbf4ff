namespace QaService.Retrieval;

/// <summary>The part of the article a question points at ("what does the piece open with?"), if any.</summary>
public enum ArticlePart
{
    Anywhere,
    Opening,
    Closing,
}
