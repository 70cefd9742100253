using System.Globalization;
using System.Text;
using System.Xml;

namespace Digest.Core.Stats;

/// <summary>
/// Draws papers per day as an inline SVG bar chart on the server: one <c>rect class="bar"</c> per day on a time
/// axis (gaps between days stay gaps), y ticks with their numbers, ISO dates along the x axis, and a
/// <c>title</c> on every bar. It is an image to assistive technology (<c>role="img"</c>, <c>title</c> and
/// <c>desc</c> named by <c>aria-labelledby</c>). Colours come from <c>currentColor</c>, so the page's CSS (light
/// or dark) decides them. No script; XmlWriter does the escaping; the same input always gives the same bytes.
/// </summary>
public static class SvgChart
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";
    private const double Left = 48, Right = 16, Top = 12, Bottom = 40;

    /// <param name="id">Prefix of the ids of the title and desc elements; give each chart on a page its own.</param>
    public static string PapersPerDay(IReadOnlyList<DailyTotal> days, string id = "papers-per-day", int width = 720, int height = 240)
    {
        var ordered = days.OrderBy(d => d.Date).ToList();
        var output = new StringBuilder();
        using (var svg = XmlWriter.Create(output, new XmlWriterSettings { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment }))
        {
            svg.WriteStartElement("svg", SvgNamespace);
            Attribute(svg, "viewBox", $"0 0 {width} {height}");
            Attribute(svg, "width", width.ToString(CultureInfo.InvariantCulture));
            Attribute(svg, "height", height.ToString(CultureInfo.InvariantCulture));
            Attribute(svg, "role", "img");
            Attribute(svg, "aria-labelledby", $"{id}-title {id}-desc");
            Attribute(svg, "class", "chart papers-per-day");
            Attribute(svg, "font-size", "11");
            Element(svg, "title", "每日论文数", ("id", $"{id}-title"));
            Element(svg, "desc", Describe(ordered), ("id", $"{id}-desc"));
            if (ordered.Count == 0)
            {
                Element(svg, "text", "暂无数据", ("x", Number(width / 2.0)), ("y", Number(height / 2.0)), ("text-anchor", "middle"), ("fill", "currentColor"));
            }
            else
            {
                Draw(svg, ordered, width, height);
            }

            svg.WriteEndElement();
        }

        return output.ToString();
    }

    private static void Draw(XmlWriter svg, List<DailyTotal> days, int width, int height)
    {
        var plotWidth = width - Left - Right;
        var plotHeight = height - Top - Bottom;
        var baseline = Top + plotHeight;
        var first = days[0].Date;
        var slots = days[^1].Date.DayNumber - first.DayNumber + 1;
        var slot = plotWidth / slots;
        var barWidth = Math.Max(1, slot * 0.8);
        var (step, top) = Scale(days.Max(d => d.Entries));

        svg.WriteStartElement("g", SvgNamespace);
        Attribute(svg, "class", "y-axis");
        for (var value = 0; value <= top; value += step)
        {
            var y = baseline - (plotHeight * value / top);
            Line(svg, Left, y, width - Right, y, value == 0 ? "0.6" : "0.15");
            Element(svg, "text", Integer(value), ("x", Number(Left - 6)), ("y", Number(y + 4)), ("text-anchor", "end"), ("fill", "currentColor"));
        }

        svg.WriteEndElement();

        svg.WriteStartElement("g", SvgNamespace);
        Attribute(svg, "class", "bars");
        Attribute(svg, "fill", "currentColor");
        foreach (var day in days)
        {
            var barHeight = plotHeight * day.Entries / top;
            var x = Left + ((day.Date.DayNumber - first.DayNumber) * slot) + ((slot - barWidth) / 2);
            svg.WriteStartElement("rect", SvgNamespace);
            Attribute(svg, "class", day.FetchFailed ? "bar failed" : "bar");
            Attribute(svg, "x", Number(x));
            Attribute(svg, "y", Number(baseline - barHeight));
            Attribute(svg, "width", Number(barWidth));
            Attribute(svg, "height", Number(barHeight));
            Attribute(svg, "data-date", Iso(day.Date));
            Attribute(svg, "data-count", Integer(day.Entries));
            Element(svg, "title", $"{Iso(day.Date)}：{Integer(day.Entries)} 篇{(day.FetchFailed ? "（有来源抓取失败）" : "")}");
            svg.WriteEndElement();
        }

        svg.WriteEndElement();

        svg.WriteStartElement("g", SvgNamespace);
        Attribute(svg, "class", "x-axis");
        foreach (var (date, index) in XLabels(first, slots))
        {
            var x = Left + (index * slot) + (slot / 2);
            var anchor = index == 0 ? "start" : index == slots - 1 ? "end" : "middle";
            var labelX = anchor == "start" ? Left : anchor == "end" ? width - Right : x;
            Line(svg, x, baseline, x, baseline + 4, "0.6");
            Element(svg, "text", Iso(date), ("x", Number(labelX)), ("y", Number(baseline + 18)), ("text-anchor", anchor), ("fill", "currentColor"));
        }

        svg.WriteEndElement();
    }

    /// <summary>Up to five evenly spread dates, always the first and the last.</summary>
    private static IEnumerable<(DateOnly Date, int Index)> XLabels(DateOnly first, int slots)
    {
        var count = Math.Min(5, slots);
        var seen = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            var index = count == 1 ? 0 : (int)Math.Round((double)i * (slots - 1) / (count - 1));
            if (seen.Add(index))
            {
                yield return (first.AddDays(index), index);
            }
        }
    }

    /// <summary>A tick step of 1, 2 or 5 times a power of ten giving about four ticks, and the axis top it reaches.</summary>
    internal static (int Step, int Top) Scale(int max)
    {
        if (max <= 0)
        {
            return (1, 1);
        }

        var rough = max / 4.0;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = (int)Math.Max(1, new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= rough));
        return (step, (int)Math.Ceiling((double)max / step) * step);
    }

    private static string Describe(List<DailyTotal> days)
    {
        if (days.Count == 0)
        {
            return "还没有导入任何一天的论文。";
        }

        var busiest = days.OrderByDescending(d => d.Entries).ThenBy(d => d.Date).First();
        var failed = days.Count(d => d.FetchFailed);
        return $"从 {Iso(days[0].Date)} 到 {Iso(days[^1].Date)}，共 {Integer(days.Count)} 天、{Integer(days.Sum(d => d.Entries))} 篇；" +
            $"最多的一天是 {Iso(busiest.Date)}，{Integer(busiest.Entries)} 篇" + (failed > 0 ? $"；{Integer(failed)} 天有来源抓取失败。" : "。");
    }

    private static void Line(XmlWriter svg, double x1, double y1, double x2, double y2, string opacity)
    {
        svg.WriteStartElement("line", SvgNamespace);
        Attribute(svg, "x1", Number(x1));
        Attribute(svg, "y1", Number(y1));
        Attribute(svg, "x2", Number(x2));
        Attribute(svg, "y2", Number(y2));
        Attribute(svg, "stroke", "currentColor");
        Attribute(svg, "stroke-opacity", opacity);
        svg.WriteEndElement();
    }

    private static void Element(XmlWriter svg, string name, string text, params (string Name, string Value)[] attributes)
    {
        svg.WriteStartElement(name, SvgNamespace);
        foreach (var (attribute, value) in attributes)
        {
            Attribute(svg, attribute, value);
        }

        svg.WriteString(text);
        svg.WriteEndElement();
    }

    private static void Attribute(XmlWriter svg, string name, string value) => svg.WriteAttributeString(name, value);

    private static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
