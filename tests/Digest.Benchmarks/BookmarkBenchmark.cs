using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Digest.Benchmarks;

/// <summary>
/// Bookmark toggles (real POSTs with a reader cookie and an antiforgery token) under wrk on loopback, alone and
/// while another wrk reads the biggest day page, against that page read alone in the same run.
/// </summary>
public sealed class BookmarkBenchmark(string work, BenchmarkTable table)
{
    public async Task RunAsync(WebAppProcess app, string database, string label, int seconds)
    {
        var (day, paper) = Targets(database);
        var script = await TogglerScriptAsync(app.Url, paper);
        var dayUrl = app.Url + "/day/" + day;

        Wrk.Run(dayUrl, seconds: 2);
        var toggleAlone = Wrk.Run(app.Url + "/bookmarks/toggle", connections: 8, seconds: seconds, threads: 1, script: script);
        var readAlone = Wrk.Run(dayUrl, seconds: seconds);
        var mixedToggle = Task.Run(() => Wrk.Run(app.Url + "/bookmarks/toggle", connections: 8, seconds: seconds, threads: 1, script: script));
        var mixedRead = Task.Run(() => Wrk.Run(dayUrl, seconds: seconds, threads: 1));
        await Task.WhenAll(mixedToggle, mixedRead);

        table.Add($"bookmarks, {label}: toggle alone, wrk -c8 (non-2xx {toggleAlone.Non2xx})",
            $"{BenchmarkTable.Number(toggleAlone.RequestsPerSecond)}/s, p50 {toggleAlone.P50Ms:F1} ms, p99 {toggleAlone.P99Ms:F1} ms", "", "", "p99 < 20 ms");
        table.Add($"bookmarks, {label}: toggle while wrk -c32 reads `/day/{day}` (non-2xx {mixedToggle.Result.Non2xx})",
            $"{BenchmarkTable.Number(mixedToggle.Result.RequestsPerSecond)}/s, p50 {mixedToggle.Result.P50Ms:F1} ms, p99 {mixedToggle.Result.P99Ms:F1} ms", "", "", "p99 < 20 ms");
        table.Add($"bookmarks, {label}: day page reads during the toggles",
            $"{BenchmarkTable.Number(mixedRead.Result.RequestsPerSecond)}/s, p99 {mixedRead.Result.P99Ms:F1} ms",
            $"{BenchmarkTable.Number(readAlone.RequestsPerSecond)}/s read alone",
            BenchmarkTable.Number(mixedRead.Result.RequestsPerSecond / readAlone.RequestsPerSecond, "F2"), "reads not blocked");
    }

    private static (string Day, string Paper) Targets(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        var day = connection.QueryFirst<string>("SELECT date FROM digest GROUP BY date ORDER BY SUM(entry_count) DESC LIMIT 1");
        var paper = connection.QueryFirst<string>("SELECT key FROM paper ORDER BY id LIMIT 1");
        return (day, paper);
    }

    /// <summary>Becomes a reader as a browser would (token, first toggle) and writes a wrk script that replays the toggle.</summary>
    private async Task<string> TogglerScriptAsync(string url, string paper)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(url) };
        using var tokenAnswer = JsonDocument.Parse(await http.GetStringAsync("/bookmarks/token"));
        var token = tokenAnswer.RootElement.GetProperty("token").GetString()!;
        var header = tokenAnswer.RootElement.GetProperty("header").GetString()!;
        var body = $"kind=paper&target={Uri.EscapeDataString(paper)}";
        using var first = new HttpRequestMessage(HttpMethod.Post, "/bookmarks/toggle") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
        first.Headers.Add(header, token);
        first.Headers.Add("Accept", "application/json");
        using var answer = await http.SendAsync(first);
        answer.EnsureSuccessStatusCode();

        var script = Path.Combine(work, "toggle.lua");
        await File.WriteAllTextAsync(script, $$"""
            wrk.method = "POST"
            wrk.body = "{{body}}"
            wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
            wrk.headers["Accept"] = "application/json"
            wrk.headers["{{header}}"] = "{{token}}"
            wrk.headers["Cookie"] = "{{cookies.GetCookieHeader(new Uri(url))}}"
            """);
        return script;
    }
}
