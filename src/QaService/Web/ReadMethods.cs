namespace QaService.Host.Web;

/// <summary>
/// The methods of a resource that is only read: GET, and HEAD for clients that check it without reading it (uptime
/// and link checkers, <c>curl -I</c>).
/// </summary>
internal static class ReadMethods
{
    public static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];
}
