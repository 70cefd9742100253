using System.Diagnostics;
using System.Globalization;

namespace Digest.Benchmarks;

/// <summary>The real Digest.Web, published in Release, started as its own process on a loopback port.</summary>
public sealed class WebAppProcess : IDisposable
{
    private readonly Process _process;

    private WebAppProcess(Process process, string url, TimeSpan firstPage)
    {
        _process = process;
        Url = url;
        FirstPage = firstPage;
    }

    public string Url { get; }

    /// <summary>From process start to the first 200 answer of <c>firstPath</c>.</summary>
    public TimeSpan FirstPage { get; }

    /// <summary>The peak resident set of the process so far (VmHWM), in MB.</summary>
    public long PeakWorkingSetMb
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
    }

    public static async Task<WebAppProcess> StartAsync(string webDll, string database, int port, string firstPath)
    {
        var emptySeeds = Directory.CreateTempSubdirectory("digest-bench-seeds").FullName;
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [webDll, "--urls", url])
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Digest__DatabasePath"] = database;
        start.Environment["Digest__SeedsFolder"] = emptySeeds;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await http.GetAsync(url + firstPath);
                if (response.IsSuccessStatusCode)
                {
                    return new WebAppProcess(process, url, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"Digest.Web did not answer {firstPath} within 60 s");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
