using System.Globalization;
using System.Xml.Linq;
using Digest.Core.Stats;

namespace Digest.Core.Tests.Stats;

public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly DailyTotal[] Days =
    [
        new(new DateOnly(2025, 10, 24), 12, false),
        new(new DateOnly(2025, 10, 22), 30, false),
        new(new DateOnly(2025, 10, 23), 0, true),
        new(new DateOnly(2025, 10, 27), 7, false),
    ];

    [Fact]
    public void The_chart_is_an_accessible_svg_image_with_one_bar_per_day_in_date_order()
    {
        var svg = XElement.Parse(SvgChart.PapersPerDay(Days));

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("papers-per-day-title papers-per-day-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("每日论文数", svg.Element(Svg + "title")?.Value);
        Assert.Contains("2025-10-22", svg.Element(Svg + "desc")?.Value);
        var bars = Bars(svg);
        Assert.Equal(["2025-10-22", "2025-10-23", "2025-10-24", "2025-10-27"], bars.Select(b => (string?)b.Attribute("data-date")));
        Assert.Equal(["30", "0", "12", "7"], bars.Select(b => (string?)b.Attribute("data-count")));
        Assert.Equal("bar failed", (string?)bars[1].Attribute("class"));
        Assert.Equal("2025-10-22：30 篇", bars[0].Element(Svg + "title")?.Value);
    }

    [Fact]
    public void Bars_sit_on_a_time_axis_and_scale_with_their_counts()
    {
        var bars = Bars(XElement.Parse(SvgChart.PapersPerDay(Days)));

        var x = bars.Select(b => Number(b, "x")).ToList();
        Assert.Equal(x[1] - x[0], x[2] - x[1], 0.2);
        Assert.Equal(3 * (x[1] - x[0]), x[3] - x[2], 0.4);
        Assert.Equal(Number(bars[0], "height") * 12 / 30, Number(bars[2], "height"), 0.2);
        Assert.Equal(0, Number(bars[1], "height"));
    }

    [Fact]
    public void Axes_carry_their_numbers_and_iso_dates_as_text()
    {
        var svg = XElement.Parse(SvgChart.PapersPerDay(Days));

        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("0", texts);
        Assert.Contains("30", texts);
        Assert.Contains("2025-10-22", texts);
        Assert.Contains("2025-10-27", texts);
        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.DoesNotContain(svg.DescendantsAndSelf().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_days_give_the_same_bytes_and_ids_can_be_prefixed()
    {
        Assert.Equal(SvgChart.PapersPerDay(Days), SvgChart.PapersPerDay(Days.Reverse().ToArray()));
        var svg = XElement.Parse(SvgChart.PapersPerDay(Days, id: "chart-2"));
        Assert.Equal("chart-2-title", (string?)svg.Element(Svg + "title")?.Attribute("id"));
    }

    [Fact]
    public void No_days_is_still_a_valid_chart_that_says_so()
    {
        var svg = XElement.Parse(SvgChart.PapersPerDay([]));

        Assert.Empty(Bars(svg));
        Assert.Contains("暂无数据", svg.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(3, 1, 3)]
    [InlineData(30, 10, 30)]
    [InlineData(31, 10, 40)]
    [InlineData(600, 200, 600)]
    [InlineData(1284, 500, 1500)]
    public void The_y_axis_uses_round_steps(int max, int step, int top) => Assert.Equal((step, top), SvgChart.Scale(max));

    private static List<XElement> Bars(XElement svg) =>
        svg.Descendants(Svg + "rect").Where(r => ((string?)r.Attribute("class"))?.Split(' ').Contains("bar") == true).ToList();

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);
}
