namespace TenantDatabases.Operations.Migrations;

/// <summary>
/// The scripts one tenant's DbUp run has applied, and the one it is running, readable from another thread: an
/// aborted run reports them at once instead of waiting for DbUp's synchronous call to return.
/// </summary>
internal sealed class ScriptProgress
{
    private readonly Lock gate = new();
    private readonly List<AppliedScript> applied = [];
    private MigrationScript? running;

    /// <summary>The scripts the run found pending, once the journal was read.</summary>
    public IReadOnlyList<string> Pending { get; set; } = [];

    /// <summary>The pending scripts not applied so far.</summary>
    public IReadOnlyList<string> NotApplied => Pending.Except(Applied.Select(script => script.Name)).ToList();

    public void Starting(MigrationScript script)
    {
        lock (gate)
        {
            running = script;
        }
    }

    public void Finished(AppliedScript script)
    {
        lock (gate)
        {
            applied.Add(script);
            running = null;
        }
    }

    /// <summary>The scripts applied so far, in order.</summary>
    public IReadOnlyList<AppliedScript> Applied
    {
        get
        {
            lock (gate)
            {
                return applied.ToList();
            }
        }
    }

    /// <summary>The script in flight (null between scripts).</summary>
    public MigrationScript? Running
    {
        get
        {
            lock (gate)
            {
                return running;
            }
        }
    }
}
