using System.Text;
using Spectre.Console;

namespace TenantDatabases.Cli.Output;

/// <summary>
/// A plain, column-aligned table written in one piece: fast for ten thousand rows and unaffected by the
/// terminal's width, so it reads the same on a terminal, in CI logs and in a pipe.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    /// <summary>Adds a row; missing cells are empty.</summary>
    public TextTable Add(params string[] cells)
    {
        rows.Add(cells);
        return this;
    }

    /// <summary>The width of the widest line: every column and the two spaces between columns.</summary>
    public int Width => ColumnWidths().Sum() + 2 * (headers.Length - 1);

    /// <summary>Writes the header, a rule and every row.</summary>
    public void Write(IAnsiConsole console)
    {
        var widths = ColumnWidths();
        var text = new StringBuilder((rows.Count + 2) * (widths.Sum() + 2 * widths.Length));
        AppendRow(text, headers, widths);
        AppendRow(text, widths.Select(width => new string('-', width)).ToArray(), widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }
        console.Profile.Out.Writer.Write(text.ToString());
    }

    private int[] ColumnWidths()
    {
        var widths = headers.Select(header => header.Length).ToArray();
        foreach (var row in rows)
        {
            for (var column = 0; column < Math.Min(row.Length, widths.Length); column++)
            {
                widths[column] = Math.Max(widths[column], row[column].Length);
            }
        }
        return widths;
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        var start = text.Length;
        for (var column = 0; column < widths.Length; column++)
        {
            var cell = column < cells.Length ? cells[column] : "";
            text.Append(cell).Append(' ', widths[column] - cell.Length + 2);
        }
        var end = text.Length;
        while (end > start && text[end - 1] == ' ')
        {
            end--;
        }
        text.Length = end;
        text.Append('\n');
    }
}
