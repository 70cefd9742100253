using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Digest.Benchmarks;

/// <summary>Runs wrk (Debian's package) against a loopback URL for a bounded time and reads its summary.</summary>
public static partial class Wrk
{
    public sealed record Result(double RequestsPerSecond, double P50Ms, double P99Ms, long Non2xx);

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    public static Result Run(string url, int connections = 32, int seconds = 10, int threads = 2, string? script = null)
    {
        var scriptArgument = script is null ? "" : $"-s {script} ";
        var start = new ProcessStartInfo("wrk", $"-t{threads} -c{connections} -d{seconds}s --latency {scriptArgument}{url}") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk)");
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        var rps = RequestsPerSecond().Match(output);
        if (!rps.Success)
        {
            throw new InvalidOperationException($"wrk printed no summary for {url}: {output} {wrk.StandardError.ReadToEnd()}");
        }

        var percentiles = Percentile().Matches(output).ToDictionary(m => m.Groups[1].Value, m => ToMs(m.Groups[2].Value, m.Groups[3].Value));
        var non2xx = Non2xx().Match(output);
        return new Result(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            percentiles.GetValueOrDefault("50"),
            percentiles.GetValueOrDefault("99"),
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
    }

    private static double ToMs(string value, string unit)
    {
        var number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch { "us" => number / 1000, "s" => number * 1000, _ => number };
    }
}
