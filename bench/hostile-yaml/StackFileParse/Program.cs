using System.Diagnostics;
using System.Globalization;
using TenantDatabases.Fleet.StackFiles;
using TenantDatabases.Operations.Stacks;
using YamlDotNet.Core;

// Reads each stack file with StackLoader.ReadFile (size check, read, parse, tree, config values) in one warm
// process, so the figures leave out process start-up and JIT: every file is read once untimed, then
// <rounds> times timed. Side by side, the floor of any YAML reader: YamlDotNet's event parser run over
// the same text without building anything (it never expands an alias, so it is cheap on every file).
// Usage: StackFileParse <rounds> <label>=<file> ...
var rounds = int.Parse(args[0], CultureInfo.InvariantCulture);
var files = args.Skip(1).Select(arg => arg.Split('=', 2)).Select(pair => (Label: pair[0], Path: pair[1])).ToList();

foreach (var (_, path) in files)
{
    StackLoader.ReadFile(path);
    CountEvents(File.ReadAllText(path));
}

Console.WriteLine("| file | StackLoader.ReadFile (ms, median) | (ms, max) | allocated per read (MB, max) | YamlDotNet events only (ms, median) | result |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var (label, path) in files)
{
    var reads = new List<double>();
    var allocated = 0L;
    StackFileResult? result = null;
    for (var round = 0; round < rounds; round++)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        result = StackLoader.ReadFile(path);
        reads.Add(clock.Elapsed.TotalMilliseconds);
        allocated = Math.Max(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
    }
    var text = File.ReadAllText(path);
    var events = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        var clock = Stopwatch.StartNew();
        CountEvents(text);
        events.Add(clock.Elapsed.TotalMilliseconds);
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {Median(reads):F2} | {reads.Max():F2} | {allocated / 1048576.0:F1} | {Median(events):F2} | {Describe(result!)} |"));
}

static double Median(List<double> values) => values.Order().ElementAt((values.Count - 1) / 2);

// Every event of the stream, or the events up to the first syntax error.
static int CountEvents(string text)
{
    var parser = new Parser(new StringReader(text));
    var count = 0;
    try
    {
        while (parser.MoveNext())
        {
            count++;
        }
    }
    catch (YamlException)
    {
    }
    return count;
}

static string Describe(StackFileResult result)
{
    if (result.File is not null && result.Problems.Count == 0)
    {
        return "read";
    }
    var first = result.Problems[0];
    var at = first.Location is null ? "" : $"{first.Location.Line}:{first.Location.Column}: ";
    var message = first.Message.Length > 60 ? first.Message[..60] + "…" : first.Message;
    return $"{at}{message}";
}
