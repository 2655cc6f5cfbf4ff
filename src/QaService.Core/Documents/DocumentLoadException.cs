namespace QaService.Documents;

public sealed class DocumentLoadException(string message, Exception? inner = null) : Exception(message, inner);
