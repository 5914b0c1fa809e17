// Cancellation: SIGINT and SIGTERM as two stages: stop starting, then abort.
using System.Runtime.InteropServices;
using TenantDatabases.Operations.FanOut;

namespace TenantDatabases.Cli.Cancellation;

/// <summary>
/// SIGINT and SIGTERM as a cancelled CI job sends them (SIGINT, then SIGTERM a few seconds later): the first
/// signal stops starting work (<see cref="RunCancellation.Stop"/>), the second aborts the work in flight
/// (<see cref="RunCancellation.Abort"/>), and a third is left to the runtime, which ends the process.
/// </summary>
internal sealed class CancelSignals : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource abort = new();
    private readonly List<PosixSignalRegistration> registrations = [];
    private readonly TextWriter notes;
    private int received;
    private PosixSignal? first;

    private CancelSignals(TextWriter notes) => this.notes = notes;

    /// <summary>The two tokens the commands pass to their use-cases.</summary>
    public RunCancellation Run => new(stop.Token, abort.Token);

    /// <summary>True once the first signal arrived.</summary>
    public bool IsCancelled => stop.IsCancellationRequested;

    /// <summary>
    /// True when the first signal was a terminal's Ctrl-C, which the terminal sends to every process of the
    /// foreground group: a child process got it too, and forwarding it again would make a second one.
    /// </summary>
    public bool InterruptReachedChildren => first == PosixSignal.SIGINT && !Console.IsInputRedirected;

    /// <summary>Signals that only <see cref="Receive"/> raises (tests, and runs inside another program).</summary>
    public static CancelSignals Unregistered(TextWriter? notes = null) => new(notes ?? TextWriter.Null);

    /// <summary>Takes over SIGINT and SIGTERM for this process until disposed; notes go to standard error.</summary>
    public static CancelSignals Register()
    {
        var signals = new CancelSignals(Console.Error);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            signals.registrations.Add(PosixSignalRegistration.Create(signal, context => context.Cancel = signals.Receive(context.Signal)));
        }
        return signals;
    }

    /// <summary>Handles one signal; false when the runtime's default (ending the process) should follow.</summary>
    public bool Receive(PosixSignal signal)
    {
        var count = Interlocked.Increment(ref received);
        var name = signal == PosixSignal.SIGINT ? "SIGINT" : signal == PosixSignal.SIGTERM ? "SIGTERM" : signal.ToString();
        if (count == 1)
        {
            first = signal;
            notes.WriteLine($"tenantdb: {name}: cancelling. Nothing new starts; the work in flight finishes or rolls back, then the report is written (a second signal aborts at once).");
            stop.Cancel();
            return true;
        }
        if (count == 2)
        {
            notes.WriteLine($"tenantdb: {name} again: aborting the work in flight; PostgreSQL rolls back its open transactions.");
            abort.Cancel();
            return true;
        }
        return false;
    }

    public void Dispose()
    {
        registrations.ForEach(registration => registration.Dispose());
        stop.Dispose();
        abort.Dispose();
    }
}
