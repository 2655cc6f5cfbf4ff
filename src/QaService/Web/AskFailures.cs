using Microsoft.AspNetCore.Http.HttpResults;
using QaService.Answering;
using QaService.Indexing;

namespace QaService.Host.Web;

/// <summary>
/// Turns an exception thrown while answering into the problem reply it deserves: a bad question is a 400, an index
/// not ready or found damaged a 503 with <c>Retry-After</c> (a damaged index is rebuilt meanwhile), and anything else
/// a logged 422. No answering failure becomes a 500.
/// </summary>
internal sealed partial class AskFailures(IndexOwner index, ILogger<AskFailures> logger)
{
    public ProblemHttpResult ToProblem(Exception failure, HttpResponse response)
    {
        switch (failure)
        {
            case InvalidQuestionException e:
                return Problems.BadRequest(e.Message);
            case IndexNotReadyException e:
                return Problems.NotReady(response, e.Message);
        }

        if (index.CheckAfterFailure(failure))
        {
            return Problems.NotReady(response, "The index was found damaged and is being rebuilt; try again in a few seconds.");
        }

        LogAnsweringFailed(logger, failure);
        return Problems.Unanswerable();
    }

    /// <summary>Whether <paramref name="failure"/> is the client going away, which is neither a fault nor worth a reply.</summary>
    public static bool IsClientGone(Exception failure, HttpContext http) =>
        failure is OperationCanceledException && http.RequestAborted.IsCancellationRequested;

    [LoggerMessage(LogLevel.Error, "Answering a question failed")]
    private static partial void LogAnsweringFailed(ILogger logger, Exception exception);
}
