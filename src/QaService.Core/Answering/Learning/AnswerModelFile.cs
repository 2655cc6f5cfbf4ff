using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;

namespace QaService.Answering.Learning;

/// <summary>
/// The trained models in one zip: a manifest naming the feature schemas they were trained on and the data, and for
/// each retrieval mode (hybrid, lexical) a ranker, a right-answer model and an unanswerable model as ML.NET zips, with
/// the largest values of the question features the last two learned from.
/// </summary>
public static class AnswerModelFile
{
    public const string BuiltInResource = "QaService.Answering.answer-model.zip";
    private const string ManifestEntry = "manifest.json";
    private const string QuestionCeilingEntry = "question-ceiling.json";

    public static void Save(string path, AnswerModelManifest manifest, IReadOnlyDictionary<string, TrainedModels> modes, MLContext ml)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var zip = ZipFile.Open(path + ".tmp", ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry(ManifestEntry).Open()))
        {
            writer.Write(JsonSerializer.Serialize(manifest, JsonSerializerOptions.Web));
        }

        foreach (var (mode, models) in modes)
        {
            Write(zip, $"{mode}/ranker.zip", models.Ranker, CandidateSchema(ml), ml);
            Write(zip, $"{mode}/correct.zip", models.Correct, QuestionSchema(ml), ml);
            Write(zip, $"{mode}/unanswerable.zip", models.Unanswerable, QuestionSchema(ml), ml);
            using (var ceiling = zip.CreateEntry($"{mode}/{QuestionCeilingEntry}").Open())
            {
                JsonSerializer.Serialize(ceiling, models.QuestionCeiling, JsonSerializerOptions.Web);
            }
        }

        zip.Dispose();
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Reads a model file, refusing one whose schemas differ from the features this build computes.</summary>
    public static (AnswerModelManifest Manifest, Dictionary<string, TrainedModels> Modes) Load(Stream stream, string source, MLContext ml)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var manifestEntry = zip.GetEntry(ManifestEntry) ?? throw new AnswerModelException($"The answer model {source} has no manifest.");
            AnswerModelManifest manifest;
            using (var reader = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize<AnswerModelManifest>(reader, JsonSerializerOptions.Web)
                    ?? throw new AnswerModelException($"The answer model {source} has an empty manifest.");
            }

            if (manifest.CandidateSchema != CandidateFeatures.Schema || manifest.QuestionSchema != QuestionFeatures.Schema)
            {
                throw new AnswerModelException(
                    $"The answer model {source} was made for other features, or in another model-file format, than this build uses. " +
                    "Retrain it with `dotnet run --project src/QaService -- train` (see the README) or point Answering:ModelPath at a matching file.");
            }

            var modes = new Dictionary<string, TrainedModels>();
            foreach (var mode in manifest.Modes)
            {
                modes[mode] = new TrainedModels(
                    Read(zip, $"{mode}/ranker.zip", source, ml),
                    Read(zip, $"{mode}/correct.zip", source, ml),
                    Read(zip, $"{mode}/unanswerable.zip", source, ml),
                    ReadCeiling(zip, $"{mode}/{QuestionCeilingEntry}", source));
            }

            return (manifest, modes);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException or FormatException or InvalidOperationException)
        {
            throw new AnswerModelException($"The answer model {source} could not be read: {e.Message}", e);
        }
    }

    private static void Write(ZipArchive zip, string name, ITransformer model, DataViewSchema schema, MLContext ml)
    {
        using var buffer = new MemoryStream();
        ml.Model.Save(model, schema, buffer);
        using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        buffer.Position = 0;
        buffer.CopyTo(entry);
    }

    private static ITransformer Read(ZipArchive zip, string name, string source, MLContext ml)
    {
        var entry = zip.GetEntry(name) ?? throw new AnswerModelException($"The answer model {source} lacks {name}.");
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        return ml.Model.Load(buffer, out _);
    }

    private static FeatureCeiling ReadCeiling(ZipArchive zip, string name, string source)
    {
        var entry = zip.GetEntry(name) ?? throw new AnswerModelException($"The answer model {source} lacks {name}.");
        using var stream = entry.Open();
        var ceiling = JsonSerializer.Deserialize<FeatureCeiling>(stream, JsonSerializerOptions.Web);
        return ceiling is { Max.Length: QuestionFeatures.Count }
            ? ceiling
            : throw new AnswerModelException($"The answer model {source} has a malformed {name}.");
    }

    private static DataViewSchema CandidateSchema(MLContext ml) => ml.Data.LoadFromEnumerable(Array.Empty<CandidateRow>()).Schema;

    private static DataViewSchema QuestionSchema(MLContext ml) => ml.Data.LoadFromEnumerable(Array.Empty<QuestionRow>()).Schema;
}

/// <summary>What a model file was trained for and on.</summary>
public sealed record AnswerModelManifest(
    string CandidateSchema,
    string QuestionSchema,
    IReadOnlyList<string> Modes,
    IReadOnlyList<string> TrainedOn,
    DateTimeOffset TrainedAt);

/// <summary>
/// The three models of one retrieval mode, and the largest values of the question features the question models
/// learned from.
/// </summary>
public sealed record TrainedModels(ITransformer Ranker, ITransformer Correct, ITransformer Unanswerable, FeatureCeiling QuestionCeiling);
