using System.Globalization;
using Digest.Benchmarks;
using Digest.Core.Synthetic;

// dotnet run -c Release --project tests/Digest.Benchmarks -- [--papers N] [--only import,search,pages] [--work DIR] [--keep]
var papers = 1_000_000;
var only = new HashSet<string>(["import", "search", "pages"], StringComparer.OrdinalIgnoreCase);
var work = Path.Combine(Path.GetTempPath(), "digest-bench");
var keep = false; // --keep: search the database a previous run imported instead of importing again
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--papers":
            papers = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--only":
            only = new HashSet<string>(args[++i].Split(','), StringComparer.OrdinalIgnoreCase);
            break;
        case "--keep":
            keep = true;
            break;
        case "--work":
            work = args[++i];
            break;
        default:
            Console.Error.WriteLine($"unknown argument {args[i]}");
            return 2;
    }
}

Directory.CreateDirectory(work);
var digests = Path.Combine(work, $"synthetic-{papers}");
if (!Directory.Exists(digests))
{
    Console.Error.WriteLine($"generating {papers:N0} synthetic papers into {digests}");
    new SyntheticCorpus(papers).WriteTo(digests + ".tmp");
    Directory.Move(digests + ".tmp", digests);
}

var table = new BenchmarkTable();
var corpus = RepoCorpus();
if (only.Contains("import"))
{
    var import = new ImportBenchmark(work, digests, table);
    foreach (var file in Directory.GetFiles(work, "*.db*"))
    {
        File.Delete(file);
    }

    import.Run($"{papers:N0} synthetic papers");
    if (corpus is not null)
    {
        var (rows, seconds, peak) = ImportBenchmark.RealCorpus(corpus, Path.Combine(work, "corpus.db"));
        table.Add($"import, real corpus ({rows:N0} rows): rows/s end to end", BenchmarkTable.Number(rows / seconds), "", "", $"peak {peak} MB");
    }
}

if (only.Contains("profile"))
{
    SearchBenchmark.Profile(Path.Combine(work, "search-with.db"));
}

if (only.Contains("search"))
{
    var search = new SearchBenchmark(work, digests, table);
    var indexed = keep && File.Exists(search.IndexedDatabase) ? search.IndexedDatabase : search.RunImport($"{papers:N0} synthetic papers");
    search.Run($"{papers:N0} synthetic papers", indexed);
}

if (only.Contains("pages"))
{
    var database = Path.Combine(work, "import.db");
    if (!File.Exists(database))
    {
        ImportBenchmark.ImportWithCli(digests, database);
    }

    await new PageBenchmark(RepoRoot(), work, table).RunAsync(database, $"{papers:N0} synthetic papers", seconds: 10);
    if (corpus is not null)
    {
        var corpusDb = Path.Combine(work, "corpus.db");
        if (!File.Exists(corpusDb))
        {
            ImportBenchmark.RealCorpus(corpus, corpusDb);
        }

        await new PageBenchmark(RepoRoot(), work, table).RunAsync(corpusDb, "real corpus", seconds: 10);
    }
}

Console.WriteLine(table.ToMarkdown($"Benchmarks, {papers:N0} synthetic papers, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}"));
return 0;

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Digest.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("run the benchmarks from inside the repository");
}

static string? RepoCorpus()
{
    var corpus = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "corpus"));
    return Directory.Exists(corpus) ? corpus : null;
}
