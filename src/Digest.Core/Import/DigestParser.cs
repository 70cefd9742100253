using System.Text.RegularExpressions;
using Digest.Core.Papers;

namespace Digest.Core.Import;

/// <summary>
/// Reads one digest markdown file into its (date, source) sections and their paper rows. Lines are scanned for
/// headings, notes and tables; each table row's physical lines are joined first (<see cref="RowJoiner"/>), then
/// Markdig reads whole rows (<see cref="MarkdigTable"/>). A row that cannot be read becomes an
/// <see cref="ImportProblem"/> with its line and raw text; every other row still comes through.
/// </summary>
public static partial class DigestParser
{
    public const string NoDigestTableMessage = "holds no digest table: no table with 标题/Title and PDF columns, and no empty-day or fetch-failed note";
    public const string NoDateMessage = "no date in heading or file name; pass --date";
    public const string NoSourceMessage = "no source (arXiv, bioRxiv, medRxiv) in heading or file name";

    private const string EmptyDayNote = "当天没有抓取到有效论文";
    private const string FetchFailedNote = "抓取失败";

    [GeneratedRegex(@"^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorPattern();

    [GeneratedRegex(@"^[A-Za-z_][\w-]*\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex YamlKeyPattern();

    /// <param name="path">Used for problems and to derive date and source from the file name.</param>
    /// <param name="content">The raw bytes of the file.</param>
    /// <param name="dateOverride">The date for files with no date in heading or name (e.g. <c># Arxiv Papers</c>).</param>
    public static ParsedFile Parse(string path, ReadOnlySpan<byte> content, DateOnly? dateOverride = null)
    {
        var file = DigestFile.TryDecode(content, out var error);
        if (file is null)
        {
            return new ParsedFile { Path = path, Problems = [new ImportProblem(path, 1, error!)] };
        }

        return new FileScan(path, file.Lines, FileNameHints.From(path), dateOverride).Run(file.IsBlank);
    }

    /// <summary>One pass over a decoded file.</summary>
    private sealed class FileScan(string path, string[] lines, FileNameHints nameHints, DateOnly? dateOverride)
    {
        private readonly List<DigestSection> _sections = [];
        private readonly List<ImportProblem> _problems = [];
        private DigestHeading? _h1;
        private int _h1Line;
        private string? _h2Source;
        private int _h2Line;
        private bool _foundDigest;
        private bool _reportedNoDate;
        private bool _reportedNoSource;
        private int _datedH1Count;
        private bool _legacyH1;

        public ParsedFile Run(bool blank)
        {
            CountHeadings();
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.Length == 0)
                {
                    continue;
                }

                if (IsFrontMatterStart(i, out var end))
                {
                    i = end;
                    continue;
                }

                if (DigestHeading.TryRead(line) is { } heading)
                {
                    OnHeading(heading, i);
                    continue;
                }

                if (line[0] == '>')
                {
                    OnNote(line.AsSpan(1).Trim().ToString(), i);
                    continue;
                }

                if (RowJoiner.StartsRow(line) && i + 1 < lines.Length && SeparatorPattern().IsMatch(lines[i + 1]))
                {
                    i = ReadTable(i);
                }
            }

            if (!_foundDigest && !blank)
            {
                _problems.Add(new ImportProblem(path, 1, NoDigestTableMessage));
            }

            return new ParsedFile { Path = path, Sections = _sections, Problems = _problems };
        }

        private void CountHeadings()
        {
            foreach (var line in lines)
            {
                if (line.StartsWith("# ", StringComparison.Ordinal) && DigestHeading.TryRead(line) is { Level: 1 } h)
                {
                    _datedH1Count += h.Date is null ? 0 : 1;
                    _legacyH1 |= h.IsLegacyPapers;
                }
            }
        }

        private void OnHeading(DigestHeading heading, int index)
        {
            if (heading.Level == 1)
            {
                _h1 = heading;
                _h1Line = index;
                _h2Source = null;
            }
            else if (heading.Level == 2 && heading.Source is not null && heading.Date is null)
            {
                _h2Source = heading.Source;
                _h2Line = index;
            }
        }

        private void OnNote(string note, int index)
        {
            DigestState state;
            if (note.StartsWith(EmptyDayNote, StringComparison.Ordinal))
            {
                state = DigestState.NoPapers;
            }
            else if (note.StartsWith(FetchFailedNote, StringComparison.Ordinal))
            {
                state = DigestState.FetchFailed;
            }
            else
            {
                return;
            }

            _foundDigest = true;
            AddSection(index, state, note, []);
        }

        /// <summary>Reads the table whose header is at <paramref name="headerIndex"/>; returns the index of its last line.</summary>
        private int ReadTable(int headerIndex)
        {
            var headerCells = MarkdigTable.ReadHeader(lines[headerIndex], lines[headerIndex + 1]);
            var columns = headerCells is null ? null : DigestColumns.FromHeader(headerCells);
            var index = headerIndex + 2;
            if (columns is null || !columns.IsDigest)
            {
                while (index < lines.Length && RowJoiner.StartsRow(lines[index]))
                {
                    index++;
                }

                return index - 1;
            }

            _foundDigest = true;
            var joiner = new RowJoiner(lines, columns.Count, columns.PdfIndex);
            var joined = new List<JoinedRow>();
            while (index < lines.Length && RowJoiner.StartsRow(lines[index]))
            {
                var row = joiner.Join(index);
                joined.Add(row);
                index = row.Last + 1;
            }

            var texts = joined.Select(r => r.First == r.Last ? lines[r.First] : string.Join('\n', lines, r.First, r.Last - r.First + 1)).ToArray();
            var spans = MarkdigTable.ReadRows(texts, columns.Count);
            var rows = new List<DigestRow>(joined.Count);
            for (var i = 0; i < joined.Count; i++)
            {
                var (first, last, _) = joined[i];
                string? problem;
                var row = spans[i] is { } cells
                    ? DigestRowReader.Read(texts[i], cells, columns, first + 1, last + 1, out problem)
                    : Unreadable(out problem);
                if (row is null)
                {
                    _problems.Add(new ImportProblem(path, first + 1, $"unreadable table row (lines {first + 1}-{last + 1}): {problem}", texts[i]));
                    continue;
                }

                rows.Add(row);
            }

            // A table whose rows were all unreadable still had papers that day: the problems say which.
            AddSection(headerIndex, joined.Count > 0 ? DigestState.Papers : DigestState.NoPapers, null, rows);
            return index - 1;
        }

        private static DigestRow? Unreadable(out string problem)
        {
            problem = "Markdig did not read it as a table row";
            return null;
        }

        private void AddSection(int index, DigestState state, string? note, IReadOnlyList<DigestRow> rows)
        {
            var combined = _h1 is { IsCombined: true } && _h2Source is not null;
            var line = _h2Source is not null ? _h2Line + 1 : _h1 is not null ? _h1Line + 1 : index + 1;
            var date = _h1?.Date ?? nameHints.Date ?? dateOverride;
            var source = _h2Source ?? _h1?.Source ?? nameHints.Source;
            if (date is null)
            {
                if (!_reportedNoDate)
                {
                    _problems.Add(new ImportProblem(path, line, NoDateMessage));
                    _reportedNoDate = true;
                }

                return;
            }

            if (source is null)
            {
                if (!_reportedNoSource)
                {
                    _problems.Add(new ImportProblem(path, line, NoSourceMessage));
                    _reportedNoSource = true;
                }

                return;
            }

            var kind = combined ? SectionKind.Combined
                : nameHints.Date is null && (_legacyH1 || _datedH1Count > 1) ? SectionKind.Accumulated
                : SectionKind.PerSource;
            _sections.Add(new DigestSection
            {
                Date = date.Value,
                Source = source,
                Kind = kind,
                State = state,
                StateNote = note,
                Line = line,
                Rows = rows,
            });
        }

        /// <summary>YAML front matter (top, middle or end of a file): <c>---</c>, <c>key:</c> lines, <c>---</c>.</summary>
        private bool IsFrontMatterStart(int index, out int end)
        {
            end = index;
            if (lines[index].TrimEnd() != "---" || index + 1 >= lines.Length || !YamlKeyPattern().IsMatch(lines[index + 1]))
            {
                return false;
            }

            for (var i = index + 1; i < lines.Length; i++)
            {
                if (lines[i].TrimEnd() is "---" or "...")
                {
                    end = i;
                    return true;
                }
            }

            return false;
        }
    }
}
