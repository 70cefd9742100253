using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Digest.Benchmarks;

/// <summary>
/// Day and paper pages of the real app under wrk -c32 on loopback, against Kestrel serving the same bytes as
/// static files in the same run; the cold start to a first page; and the app's peak working set.
/// </summary>
public sealed class PageBenchmark(string repoRoot, string work, BenchmarkTable table)
{
    public async Task RunAsync(string database, string label, int seconds)
    {
        var webDll = Publish();
        var (dayPath, paperPath) = PickPages(database);
        using var app = await WebAppProcess.StartAsync(webDll, database, FreePort(), dayPath);
        table.Add($"pages, {label}: cold start to the first day page", $"{app.FirstPage.TotalMilliseconds:F0} ms", "", "", "< 1 s");

        var staticFolder = Directory.CreateTempSubdirectory("digest-bench-static").FullName;
        using var http = new HttpClient();
        var pages = new Dictionary<string, string>
        {
            ["day"] = dayPath,
            ["paper"] = paperPath,
            ["day JSON"] = "/api" + dayPath,
            ["Atom feed"] = "/feed",
        };
        foreach (var (name, path) in pages)
        {
            await File.WriteAllBytesAsync(Path.Combine(staticFolder, StaticName(name)), await http.GetByteArrayAsync(app.Url + path));
        }

        await using var baseline = await StaticFileServer.StartAsync(staticFolder, FreePort());
        foreach (var (name, path) in pages)
        {
            Wrk.Run(app.Url + path, seconds: 2);
            var served = Wrk.Run(app.Url + path, seconds: seconds);
            var plain = Wrk.Run($"{baseline.Url}/{StaticName(name)}", seconds: seconds);
            var size = new FileInfo(Path.Combine(staticFolder, StaticName(name))).Length / 1024;
            table.Add($"pages, {label}: {name} `{path}` ({size} KB), requests/s, wrk -c32",
                $"{BenchmarkTable.Number(served.RequestsPerSecond)} (p50 {served.P50Ms:F1} ms, p99 {served.P99Ms:F1} ms)",
                $"{BenchmarkTable.Number(plain.RequestsPerSecond)} static file (p99 {plain.P99Ms:F1} ms)",
                BenchmarkTable.Number(served.RequestsPerSecond / plain.RequestsPerSecond, "F2"),
                "≥ 0.6, p99 < 50 ms");
        }

        table.Add($"pages, {label}: peak working set of the app", $"{app.PeakWorkingSetMb} MB", "", "", "≤ 300 MB");
        await new BookmarkBenchmark(work, table).RunAsync(app, database, label, seconds);
    }

    private static string StaticName(string name) => name.Replace(' ', '-') + ".html";

    private string Publish()
    {
        var output = Path.Combine(work, "web");
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(repoRoot, "src", "Digest.Web"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-o", output, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
        };
        using var publish = Process.Start(start)!;
        var log = publish.StandardOutput.ReadToEnd();
        publish.WaitForExit();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException("publishing Digest.Web failed: " + log);
        }

        return Path.Combine(output, "Digest.Web.dll");
    }

    /// <summary>The biggest day, and a paper that appeared on several days.</summary>
    private static (string Day, string Paper) PickPages(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        var day = connection.QueryFirst<string>("SELECT date FROM digest GROUP BY date ORDER BY SUM(entry_count) DESC LIMIT 1");
        var paper = connection.QueryFirst<string>("SELECT key FROM paper ORDER BY entry_count DESC, id LIMIT 1");
        return ($"/day/{day}", $"/paper/{paper}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
