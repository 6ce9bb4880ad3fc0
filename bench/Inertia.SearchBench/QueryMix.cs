using System.Globalization;
using Inertia.Search;

namespace Inertia.SearchBench;

/// <summary>
/// One query of the mix: its label, its text in the query language, and what the LIKE scan (the baseline)
/// looks for: each of <see cref="LikeTerms"/> somewhere in the title, content or summary (only the title when
/// <see cref="TitleOnly"/>), in the folder when <see cref="FolderScoped"/>. Substring queries (Chinese) are
/// checked against the scan: the same count and the same first page.
/// </summary>
internal sealed record BenchQuery(string Label, string Text, IReadOnlyList<string> LikeTerms)
{
    public bool TitleOnly { get; init; }
    public bool FolderScoped { get; init; }
    public bool SubstringCheck { get; init; }

    /// <summary>The share of the generated entries that hold it, as counted on the sample while choosing it.</summary>
    public double? SampleShare { get; init; }
}

/// <summary>
/// Chooses the query mix by counting words on a sample of entries the generator makes: candidates are real words
/// of the corpus' topics, and the one whose share of entries is nearest each target is taken, so the mix follows
/// the corpus. Also chooses the rare Chinese pair: two characters common in the Chinese sentences that no sentence
/// holds side by side.
/// </summary>
internal static class QueryMix
{
    public const int SampleSize = 20_000;

    /// <summary>The title of the folder scoped queries use.</summary>
    public const string ScopeFolder = "Folder 3";

    private static readonly string[] EnglishWords =
    [
        "security", "privacy", "encryption", "database", "browser", "network", "energy", "economy", "deployment", "streaming",
        "computing", "dependency", "football", "climate", "election", "kubernetes", "wireless", "compiler", "firmware",
        "storage", "library", "health", "memory", "testing", "internet", "podcast", "google", "server", "search", "design",
        "software", "research", "performance", "community", "government", "science", "music", "weather", "battery", "camera",
    ];

    private static readonly string[] EnglishPhrases =
    [
        "open source", "machine learning", "social media", "artificial intelligence", "climate change", "real time",
        "new york", "white house", "error handling", "supreme court", "data center", "the internet", "web browser",
        "last week", "smart pointer", "command line", "operating system", "source code", "user interface",
    ];

    private static readonly string[] ChinesePairs =
    [
        "颜色", "密码", "升级", "公司", "平台", "设备", "进程", "路由", "数据", "北京", "内存", "线程", "网络", "用户", "安全",
        "文件", "浏览", "服务", "手机", "电脑", "时间", "问题", "系统", "音乐", "天气", "经济", "市场", "新闻", "学校",
    ];

    private static readonly string[] ChineseFours =
    [
        "性能测试", "条件语句", "内存访问", "项目依赖", "引用类型", "编程风格", "通知中心", "有序数组", "生命周期", "错误处理",
        "模式匹配", "智能指针", "垃圾回收", "操作系统", "数据结构", "并发编程", "编译错误", "类型推断", "变量绑定", "方法调用",
        "开发人员", "应用程序", "搜索引擎", "用户界面", "网络请求", "单元测试", "集成测试", "函数调用", "闭包捕获", "线程安全",
    ];

    /// <summary>Two characters frequent in the Chinese sentences that no sentence, name or tag holds side by side.</summary>
    public static string RareChinesePair(Corpus corpus)
    {
        var counts = new Dictionary<char, int>();
        foreach (var sentence in corpus.Chinese)
        {
            foreach (var c in sentence)
            {
                if (c is >= '\u4E00' and <= '\u9FFF')
                {
                    counts[c] = counts.GetValueOrDefault(c) + 1;
                }
            }
        }
        // Characters ranked 60 to 400: common enough to look like text, not the particles in every sentence.
        var ranked = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => p.Key).Skip(60).Take(340).ToList();
        var texts = corpus.Chinese.Concat(corpus.English).Concat(corpus.Other).Concat(EntryGenerator.AuthorsAndTags).ToList();
        foreach (var first in ranked)
        {
            foreach (var second in ranked)
            {
                var pair = string.Concat(first, second);
                if (first != second && !texts.Any(t => t.Contains(pair, StringComparison.Ordinal)))
                {
                    return pair;
                }
            }
        }
        throw new InvalidOperationException("No two characters of the corpus are never side by side.");
    }

    /// <summary>The mix, chosen by counting on <see cref="SampleSize"/> entries of <paramref name="generator"/>.</summary>
    public static (List<BenchQuery> Queries, List<string> Notes) Choose(EntryGenerator generator, string chinesePair)
    {
        var sample = generator.Sample(SampleSize).ToList();
        var titleTerms = new List<HashSet<string>>(sample.Count);
        var allTerms = new List<HashSet<string>>(sample.Count);
        var folded = new List<string>(sample.Count);
        var termLists = new List<(List<string> Title, List<string> Body)>(sample.Count);
        foreach (var text in sample)
        {
            var titleList = SearchText.Terms(text.Title);
            var bodyList = SearchText.Terms(text.Body);
            titleTerms.Add(titleList.ToHashSet(StringComparer.Ordinal));
            allTerms.Add(titleList.Concat(bodyList).ToHashSet(StringComparer.Ordinal));
            termLists.Add((titleList, bodyList));
            folded.Add(SearchText.Fold(text.Title) + "\n" + SearchText.Fold(text.Body));
        }
        double Share(Func<int, bool> holds) => (double)Enumerable.Range(0, sample.Count).Count(holds) / sample.Count;
        double WordShare(string word) => Share(i => allTerms[i].Contains(word));
        double TitleShare(string word) => Share(i => titleTerms[i].Contains(word));
        double SubstringShare(string text) => Share(i => folded[i].Contains(text, StringComparison.Ordinal));
        double PhraseShare(string phrase)
        {
            var words = phrase.Split(' ');
            return Share(i => Holds(termLists[i].Title, words) || Holds(termLists[i].Body, words));
        }
        var notes = new List<string>();
        (string Word, double Share) Nearest(string what, IEnumerable<string> candidates, Func<string, double> share, double target, params string[] except)
        {
            var scored = candidates.Where(c => !except.Contains(c)).Select(c => (Word: c, Share: share(c))).Where(c => c.Share > 0).ToList();
            if (scored.Count == 0)
            {
                throw new InvalidOperationException($"None of the candidates for {what} occurs in the generated entries.");
            }
            var best = scored.MinBy(c => Math.Abs(Math.Log(c.Share / target)));
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: \"{best.Word}\" in {best.Share:P2} of the sample (target {target:P2})"));
            return best;
        }
        // A Chinese query must not be found in a name or a tag: the index holds those, the LIKE scan does not.
        var names = EntryGenerator.AuthorsAndTags.ToList();
        bool Clean(string word) => !names.Any(n => n.Contains(word, StringComparison.Ordinal) || word.Contains(n, StringComparison.Ordinal));

        var word = Nearest("English word (~1%)", EnglishWords, WordShare, 0.01);
        var common = Nearest("English word (~3%)", EnglishWords, WordShare, 0.03, word.Word);
        var pairs = EnglishWords.Where(w => WordShare(w) is >= 0.01 and <= 0.1).ToList();
        var twoCandidates = pairs.SelectMany(a => pairs.Where(b => string.CompareOrdinal(a, b) < 0).Select(b => a + " " + b)).ToList();
        var two = Nearest("Two English words (~0.3% together)", twoCandidates, w =>
        {
            var (a, b) = (w.Split(' ')[0], w.Split(' ')[1]);
            return Share(i => allTerms[i].Contains(a) && allTerms[i].Contains(b));
        }, 0.003);
        var phrase = Nearest("English phrase (~0.3%)", EnglishPhrases, PhraseShare, 0.003);
        var title = Nearest("Title word (~0.1%)", EnglishWords, TitleShare, 0.001);
        var chinese2 = Nearest("Chinese 2-character word (~1%)", ChinesePairs.Where(Clean), SubstringShare, 0.01);
        var chinese4 = Nearest("Chinese 4-character word (~0.3%)", ChineseFours.Where(Clean), SubstringShare, 0.003);
        var the = WordShare("the");
        var de = SubstringShare("的");
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"Very common: \"the\" in {the:P1} of the sample, \"的\" in {de:P1}"));
        if (the < 0.2 || de < 0.2)
        {
            throw new InvalidOperationException("The very common terms are not common in the generated entries: is the corpus complete?");
        }
        notes.Add($"Rare markers: \"{EntryGenerator.EnglishMarker}\" and \"{chinesePair}\" planted in {EntryGenerator.MarkerCount} entries each");

        var queries = new List<BenchQuery>
        {
            new("en word (~1%)", word.Word, [word.Word]) { SampleShare = word.Share },
            new("en word (~3%)", common.Word, [common.Word]) { SampleShare = common.Share },
            new("en two words", two.Word, two.Word.Split(' ')) { SampleShare = two.Share },
            new("en phrase", $"\"{phrase.Word}\"", [phrase.Word]) { SampleShare = phrase.Share },
            new("zh 2 chars", chinese2.Word, [chinese2.Word]) { SampleShare = chinese2.Share, SubstringCheck = true },
            new("zh 4 chars", chinese4.Word, [chinese4.Word]) { SampleShare = chinese4.Share, SubstringCheck = true },
            new("title: field", $"title:{title.Word}", [title.Word]) { SampleShare = title.Share, TitleOnly = true },
            new("folder + word (~1%)", word.Word, [word.Word]) { FolderScoped = true },
            new("folder + word (~3%)", common.Word, [common.Word]) { FolderScoped = true },
            new("rare en (marker)", EntryGenerator.EnglishMarker, [EntryGenerator.EnglishMarker]),
            new("rare zh (marker)", chinesePair, [chinesePair]) { SubstringCheck = true },
            new("very common en", "the", ["the"]) { SampleShare = the },
            new("very common zh (1 char)", "的", ["的"]) { SampleShare = de, SubstringCheck = true },
        };
        return (queries, notes);
    }

    private static bool Holds(List<string> terms, string[] words)
    {
        for (var i = 0; i + words.Length <= terms.Count; i++)
        {
            var all = true;
            for (var j = 0; j < words.Length && all; j++)
            {
                all = string.Equals(terms[i + j], words[j], StringComparison.Ordinal);
            }
            if (all)
            {
                return true;
            }
        }
        return false;
    }
}
