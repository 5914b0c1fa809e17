namespace TenantDatabases.Operations.Preflight;

/// <summary>
/// The checks of one server as they complete, and the step under way, so that a server that stops
/// answering still gets a report of what passed and where it hung. Closed once the report is taken:
/// a step that finishes after its deadline adds nothing.
/// </summary>
internal sealed class CheckLog
{
    private readonly object gate = new();
    private readonly List<PreflightCheck> checks = [];
    private bool closed;

    /// <summary>The check that is running, named for the timeout message.</summary>
    public string CurrentStep { get; private set; } = CheckNames.Dns;

    public void Begin(string step)
    {
        lock (gate)
        {
            CurrentStep = step;
        }
    }

    public void Add(PreflightCheck check)
    {
        lock (gate)
        {
            if (!closed)
            {
                checks.Add(check);
            }
        }
    }

    public bool HasErrors
    {
        get
        {
            lock (gate)
            {
                return checks.Any(check => check.Status == CheckStatus.Error);
            }
        }
    }

    /// <summary>Takes the checks so far, adds <paramref name="last"/> when given, and ignores later additions.</summary>
    public IReadOnlyList<PreflightCheck> Close(PreflightCheck? last = null)
    {
        lock (gate)
        {
            if (!closed && last is not null)
            {
                checks.Add(last);
            }
            closed = true;
            return checks.ToList();
        }
    }
}
