namespace QaService.Indexing;

public sealed class IndexNotReadyException(string message, Exception? inner = null) : Exception(message, inner);
