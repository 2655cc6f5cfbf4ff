using QaService.Answering.Learning;
using QaService.Host.Evaluation;

namespace QaService.Host.Training;

/// <summary>
/// Keeps each source's extracted training examples on disk, so trying other model settings does not rebuild every
/// index. A file made for another feature schema or another version of the questions is ignored.
/// </summary>
internal static class TrainingSetCache
{
    // v3: questions about the document itself are left out.
    private const string Format = "examples-v3";

    private static string PathOf(string folder, QuestionSource source) => Path.Combine(folder, source.Name + ".features");

    // Sizes read through the contents, so a symbolic link to a file has the file's key.
    private static string KeyOf(QuestionSource source, bool misleading) =>
        $"{source.Name}:{(misleading ? "with misleading:" : "")}{File.ReadAllBytes(source.QuestionsPath).Length}:{(source.DocumentPath is null ? 0 : File.ReadAllBytes(source.DocumentPath).Length)}";

    public static Dictionary<string, List<QuestionExample>>? TryRead(string folder, QuestionSource source, bool misleading)
    {
        var path = PathOf(folder, source);
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadString() != Format || reader.ReadString() != CandidateFeatures.Schema || reader.ReadString() != KeyOf(source, misleading))
        {
            return null;
        }

        var modes = new Dictionary<string, List<QuestionExample>>();
        var modeCount = reader.ReadInt32();
        for (var m = 0; m < modeCount; m++)
        {
            var mode = reader.ReadString();
            var examples = new List<QuestionExample>();
            var exampleCount = reader.ReadInt32();
            for (var e = 0; e < exampleCount; e++)
            {
                var document = reader.ReadString();
                var answerable = reader.ReadBoolean();
                var rewritten = reader.ReadBoolean();
                var candidateCount = reader.ReadInt32();
                var candidates = new Candidate[candidateCount];
                var labels = new bool[candidateCount];
                for (var c = 0; c < candidateCount; c++)
                {
                    var key = reader.ReadInt32();
                    labels[c] = reader.ReadBoolean();
                    var features = new float[CandidateFeatures.Count];
                    for (var f = 0; f < features.Length; f++)
                    {
                        features[f] = reader.ReadSingle();
                    }

                    candidates[c] = new Candidate(key, features);
                }

                examples.Add(new QuestionExample(document, answerable, candidates, labels, rewritten));
            }

            modes[mode] = examples;
        }

        return modes;
    }

    public static void Write(string folder, QuestionSource source, bool misleading, Dictionary<string, List<QuestionExample>> modes)
    {
        Directory.CreateDirectory(folder);
        using var writer = new BinaryWriter(File.Create(PathOf(folder, source)));
        writer.Write(Format);
        writer.Write(CandidateFeatures.Schema);
        writer.Write(KeyOf(source, misleading));
        writer.Write(modes.Count);
        foreach (var (mode, examples) in modes)
        {
            writer.Write(mode);
            writer.Write(examples.Count);
            foreach (var example in examples)
            {
                writer.Write(example.Document);
                writer.Write(example.Answerable);
                writer.Write(example.Misleading);
                writer.Write(example.Candidates.Count);
                for (var c = 0; c < example.Candidates.Count; c++)
                {
                    writer.Write(example.Candidates[c].Key);
                    writer.Write(example.Labels[c]);
                    foreach (var value in example.Candidates[c].Features)
                    {
                        writer.Write(value);
                    }
                }
            }
        }
    }
}
