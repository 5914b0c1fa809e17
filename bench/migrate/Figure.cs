namespace MigrateBench;

/// <summary>One timed pass of one approach.</summary>
public sealed record Figure(string Pass, string Approach, int Tenants, double Seconds, double? PeakMegabytes = null)
{
    public double Throughput => Tenants / Seconds;
}
