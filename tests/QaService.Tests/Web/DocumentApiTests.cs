using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QaService.Documents;
using QaService.Tests.Support;

namespace QaService.Tests.Web;

public sealed class DocumentApiTests
{
    [Fact]
    public async Task ListDocuments_WithNoConfiguration_ListsTheBuiltInArticle()
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var documents = await client.GetFromJsonAsync<JsonElement>("/api/documents");

        var article = Assert.Single(documents.EnumerateArray());
        Assert.Equal(BuiltInDocument.Id, article.GetProperty("id").GetString());
        Assert.Equal(BuiltInDocument.Title, article.GetProperty("title").GetString());
        Assert.Equal(BuiltInDocument.Text.Length, article.GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task GetDocument_Article_ReturnsTheSharedArticleExactly()
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        var text = await client.DocumentTextAsync(BuiltInDocument.Id);

        Assert.Equal(await File.ReadAllTextAsync(RepositoryPaths.SharedArticle), text);
    }

    /// <summary>On real Kestrel, which sends a HEAD reply's headers and never its body.</summary>
    [Fact]
    public async Task Head_OnTheDocumentResources_AnswersLikeGetWithoutABody()
    {
        await using var app = await KestrelTestApp.StartAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        foreach (var (path, status) in new[]
        {
            ("/api/documents", HttpStatusCode.OK),
            ($"/api/documents/{BuiltInDocument.Id}", HttpStatusCode.OK),
            ($"/api/documents/{BuiltInDocument.Id}/suggestions", HttpStatusCode.OK),
            ("/api/documents/no-such-document", HttpStatusCode.NotFound),
            ("/v1/models", HttpStatusCode.OK),
            ("/v1/models/qaservice", HttpStatusCode.OK),
            ("/v1/models/gpt-4o", HttpStatusCode.NotFound),
        })
        {
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            using var get = await client.GetAsync(path);

            Assert.Equal(status, head.StatusCode);
            Assert.Equal(get.StatusCode, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task ListDocuments_WithASourceThatReplacesTheArticle_ListsOnlyIt()
    {
        using var documents = new TempFolder();
        var path = documents.File("mine.txt", "My own article. It replaces the built-in one.");
        await using var app = new QaAppFactory(new Dictionary<string, string?>
        {
            ["Documents:Sources:0:Path"] = path,
            ["Documents:Sources:0:Id"] = BuiltInDocument.Id,
            ["Documents:Sources:0:Title"] = "Mine",
        });
        using var client = app.CreateClient();

        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/documents")).EnumerateArray());

        Assert.Equal("Mine", listed.GetProperty("title").GetString());
        Assert.Equal("My own article. It replaces the built-in one.", await client.DocumentTextAsync(BuiltInDocument.Id));
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("ARTICLE")]
    [InlineData("article%20")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("%F0%9F%92%A9")]
    public async Task GetDocument_UnknownId_Returns404Problem(string id)
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/documents/{id}");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetDocument_VeryLongId_Returns404Problem()
    {
        await using var app = new QaAppFactory();
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/documents/{new string('x', 4000)}");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
