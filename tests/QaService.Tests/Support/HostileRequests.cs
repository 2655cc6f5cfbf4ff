using System.Text;

namespace QaService.Tests.Support;

/// <summary>
/// One generated request: sent through HttpClient, or, when <see cref="Raw"/> is set, as those exact bytes over a
/// bare socket (for framing no client library would produce).
/// </summary>
public sealed record HostileRequest(string Kind, string Method, string Path, string? ContentType, byte[]? Body, byte[]? Raw = null)
{
    public override string ToString() =>
        $"{Kind}: {Method} {Path} [{ContentType}] {Encoding.UTF8.GetString((Raw ?? Body ?? [])[..Math.Min(160, (Raw ?? Body ?? []).Length)])}";
}

/// <summary>
/// Hostile requests over every endpoint, from a seed so a failure can be replayed: random bytes, truncated and deeply
/// nested JSON, wrong types, huge and odd Unicode strings, Lucene syntax, bad ids, wrong methods and content types,
/// and malformed chunked framing on a bare socket.
/// </summary>
public sealed class HostileRequests(int seed)
{
    private static readonly string[] Endpoints = ["/api/ask", "/api/chat/stream"];

    private static readonly string[] Fragments =
    [
        "Which Iranian president visited Pakistan?", "C++ AND (war) \"x title:y /re/ *", "title:Pakistan~2 ^3 [a TO z] {b TO c} \\", "NOT", "*?",
        "🤔 who visited 🇵🇰?", "\u202Eپاکستان", "e\u0301\u0301\u0301", "\u200B\u200D\uFEFF", "\0\u0001\u001b[31m", "<script>alert(1)</script>",
        "' OR 1=1 --", "%s%n%x", "../../etc/passwd", "\\u0000", "ＷＨＯ", "𝕎𝕙𝕠", "何", "Ⅻ", "\r\n\r\n",
    ];

    private static readonly string[] Ids = ["", " ", "a b/c", "nl-test\n", new string('x', 65), "../x", "%00", "ok-id_1", "\ud800", "Ω", "null"];

    private static readonly string[] Modes = ["auto", "EXTRACTIVE", "generative", "0", "1", "2", "extractive, auto", "", "telepathic", "Auto "];

    private static readonly string[] ContentTypes =
        ["application/json", "application/json; charset=utf-8", "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/problem+json", "application/json; charset=utf-16", "*/*"];

    private static readonly string[] OtherPaths =
    [
        "/api/documents", "/api/documents/article", "/api/documents/article/suggestions", "/api/documents/%2e%2e%2fetc", "/api/documents/%00",
        "/healthz", "/readyz", "/", "/index.html", "/app.js", "/openapi/v1.json", "/api", "/api/", "/api/ask/extra", "/%ff%fe", "/api/documents/" + new string('a', 3000),
    ];

    private readonly Random random = new(seed);

    public IEnumerable<HostileRequest> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    private HostileRequest Next() => random.Next(20) switch
    {
        0 => new("random bytes", "POST", Endpoint(), "application/json", Bytes(random.Next(0, 2000))),
        1 => new("truncated JSON", "POST", Endpoint(), "application/json", Truncated(Json(AskBody()))),
        2 => new("deep nesting", "POST", Endpoint(), "application/json", Json(Nested(random.Next(30, 3000)))),
        3 or 4 => new("wrong types", "POST", Endpoint(), "application/json", Json(WrongTypes())),
        5 => new("huge string", "POST", Endpoint(), "application/json", Json($"{{\"question\": {Quote(Huge())}}}")),
        6 or 7 or 8 => new("odd question", "POST", Endpoint(), "application/json", Json(AskBody())),
        9 => new("bad id", "POST", Endpoint(), "application/json", Json($"{{\"question\": {Quote(Fragment())}, \"conversationId\": {Quote(Pick(Ids))}}}")),
        10 => new("wrong method", Pick(["GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]), Endpoint(), null, null),
        11 => new("wrong content type", "POST", Endpoint(), Pick(ContentTypes), Json(AskBody())),
        12 => new("no content type", "POST", Endpoint(), null, Json(AskBody())),
        13 or 14 => new("other endpoint", Pick(["GET", "GET", "POST", "DELETE"]), Pick(OtherPaths), "application/json", random.Next(2) == 0 ? null : Json(AskBody())),
        15 => new("document id", "GET", $"/api/documents/{Uri.EscapeDataString(Fragment())}" + (random.Next(2) == 0 ? "/suggestions" : ""), null, null),
        16 or 17 => RawChunked(),
        18 => new("invalid UTF-8", "POST", Endpoint(), "application/json", [.. Json("{\"question\": \"Who "), .. Bytes(random.Next(1, 8)), .. Json(" visited?\"}")]),
        _ => new("duplicate and unknown fields", "POST", Endpoint(), "application/json",
            Json($"{{\"question\": {Quote(Fragment())}, \"question\": {Quote(Fragment())}, \"extra\": {Nested(5)}, \"mode\": {Quote(Pick(Modes))}, \"explain\": true}}")),
    };

    private string Endpoint() => Pick(Endpoints);

    private string Pick(string[] options) => options[random.Next(options.Length)];

    private string Fragment() => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(Fragments) + " "));

    private string AskBody()
    {
        var fields = new List<string> { $"\"question\": {Quote(Fragment())}" };
        if (random.Next(2) == 0)
        {
            fields.Add($"\"mode\": {Quote(Pick(Modes))}");
        }

        if (random.Next(3) == 0)
        {
            fields.Add($"\"conversationId\": {Quote(Pick(Ids))}");
        }

        if (random.Next(3) == 0)
        {
            fields.Add("\"explain\": true");
        }

        return "{" + string.Join(", ", fields) + "}";
    }

    private string WrongTypes()
    {
        string[] values = ["42", "-1e309", "true", "null", "[]", "[\"Who?\"]", "{}", "{\"text\": \"Who?\"}", "\"\"", "1.5", "\"yes\""];
        string[] fields = ["question", "mode", "conversationId", "explain", "Question", "QUESTION"];
        return $"{{\"{Pick(fields)}\": {Pick(values)}, \"{Pick(fields)}\": {Pick(values)}}}";
    }

    private string Nested(int depth) =>
        random.Next(2) == 0 ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private string Huge() => random.Next(4) switch
    {
        0 => new string('a', 2000),
        1 => new string('a', 2001),
        2 => string.Concat(Enumerable.Repeat("why war ", random.Next(100, 3000))),
        _ => string.Concat(Enumerable.Repeat("🤔", random.Next(500, 1500))),
    };

    private byte[] Truncated(byte[] json) => json[..random.Next(0, Math.Max(1, json.Length - 1))];

    private byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private HostileRequest RawChunked()
    {
        var body = Encoding.UTF8.GetString(Json(AskBody()));
        var framing = random.Next(6) switch
        {
            0 => $"zz\r\n{body}\r\n0\r\n\r\n",
            1 => $"3\r\n{body}\r\n0\r\n\r\n",
            2 => $"{body.Length:x}\r\n{body}XX0\r\n\r\n",
            3 => $"-{body.Length:x}\r\n{body}\r\n0\r\n\r\n",
            4 => $"FFFFFFFFFFFFFFFFFFFFFF\r\n{body}\r\n0\r\n\r\n",
            _ => $"{body.Length:x};ext=\"unterminated\r\n{body}\r\n0\r\n\r\n",
        };
        var head = $"POST {Endpoint()} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        return new HostileRequest("malformed chunking", "POST", "", "application/json", null, Encoding.UTF8.GetBytes(head + framing));
    }

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or (>= '\ud800' and <= '\udfff') => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);
}
