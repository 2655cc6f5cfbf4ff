using System.Runtime.CompilerServices;
using System.Text;
using QaService.Indexing;

namespace QaService.Text;

/// <summary>
/// The writing systems of a question's and the documents' letters. A question written in a script its documents do
/// not use ("巴基斯坦总统是谁？" over an English article) shares no word with them, so no sentence can be chosen for
/// it: the reply says so, rather than "the article does not say", which the article may well say in its own script.
/// </summary>
public static class WritingSystem
{
    // A document uses a script when at least this share of its letters is in it: a few quoted characters do not count.
    private const double DocumentShare = 0.05;

    private const string Kana = "Japanese kana";

    private static readonly ConditionalWeakTable<Corpus, HashSet<string>> ScriptsByCorpus = [];

    private static readonly (int First, int Last, string Name)[] Blocks =
    [
        // Latin letters include their full-width forms (from CJK keyboards) and the mathematical bold and italic ones.
        (0x0041, 0x024F, "the Latin alphabet"), (0x1E00, 0x1EFF, "the Latin alphabet"),
        (0xFF21, 0xFF5A, "the Latin alphabet"), (0x1D400, 0x1D6A5, "the Latin alphabet"),
        (0x0370, 0x03FF, "the Greek alphabet"), (0x1F00, 0x1FFF, "the Greek alphabet"),
        (0x0400, 0x052F, "the Cyrillic alphabet"),
        (0x0530, 0x058F, "the Armenian alphabet"),
        (0x0590, 0x05FF, "the Hebrew alphabet"),
        (0x0600, 0x06FF, "Arabic script"), (0x0750, 0x077F, "Arabic script"), (0xFB50, 0xFDFF, "Arabic script"), (0xFE70, 0xFEFF, "Arabic script"),
        (0x0900, 0x097F, "Devanagari"),
        (0x0980, 0x09FF, "Bengali script"),
        (0x0B80, 0x0BFF, "Tamil script"),
        (0x0E00, 0x0E7F, "Thai script"),
        (0x10A0, 0x10FF, "the Georgian alphabet"),
        (0x1100, 0x11FF, "Hangul"), (0xAC00, 0xD7AF, "Hangul"),
        (0x3040, 0x30FF, Kana),
        (0x3400, 0x4DBF, "Chinese characters"), (0x4E00, 0x9FFF, "Chinese characters"), (0xF900, 0xFAFF, "Chinese characters"),
    ];

    /// <summary>
    /// The script of the question when most of its letters are in scripts no document uses, else null (also when the
    /// documents have no letters to tell by). Japanese mixes kana with Chinese characters: any kana makes it Japanese.
    /// </summary>
    public static string? Foreign(string question, Corpus corpus)
    {
        var used = ScriptsByCorpus.GetValue(corpus, ScriptsOf);
        var letters = Letters(question).ToList();
        var foreign = letters.Where(script => !used.Contains(script)).ToList();
        if (used.Count == 0 || foreign.Count * 2 <= letters.Count)
        {
            return null;
        }

        return foreign.Contains(Kana)
            ? "Japanese script"
            : foreign.GroupBy(script => script).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
    }

    /// <summary>The scripts that hold a fair share of some document's letters (counted, not grouped: a corpus can be large).</summary>
    private static HashSet<string> ScriptsOf(Corpus corpus)
    {
        var scripts = new HashSet<string>();
        var counts = new Dictionary<string, int>();
        foreach (var document in corpus.Documents)
        {
            counts.Clear();
            foreach (var script in Letters(document.Text))
            {
                counts[script] = counts.GetValueOrDefault(script) + 1;
            }

            var total = counts.Values.Sum();
            scripts.UnionWith(counts.Where(c => c.Value >= total * DocumentShare).Select(c => c.Key));
        }

        return scripts;
    }

    private static IEnumerable<string> Letters(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                yield return ScriptOf(rune.Value);
            }
        }
    }

    private static string ScriptOf(int codePoint)
    {
        foreach (var (first, last, name) in Blocks)
        {
            if (codePoint >= first && codePoint <= last)
            {
                return name;
            }
        }

        return codePoint is >= 0x20000 and <= 0x3FFFF ? "Chinese characters" : "another script";
    }
}
