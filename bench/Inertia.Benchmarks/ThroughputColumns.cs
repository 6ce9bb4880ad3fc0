using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Inertia.Benchmarks;

/// <summary>
/// MB/s and allocated bytes per input byte, from each benchmark's mean time and allocations and the size of
/// the documents it read (<see cref="ISizedBenchmark.InputBytes"/>).
/// </summary>
public sealed class ThroughputColumn(bool allocations) : IColumn
{
    public string Id => allocations ? "AllocPerInputByte" : "MBps";

    public string ColumnName => allocations ? "Alloc/input" : "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => allocations ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => allocations
        ? "Managed bytes allocated per byte of input"
        : "Input megabytes (10^6 bytes) parsed per second";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null)
        {
            return "-";
        }
        var instance = (ISizedBenchmark)Activator.CreateInstance(benchmarkCase.Descriptor.Type)!;
        foreach (var parameter in benchmarkCase.Parameters.Items)
        {
            benchmarkCase.Descriptor.Type.GetProperty(parameter.Name)!.SetValue(instance, parameter.Value);
        }
        var bytes = instance.InputBytes(benchmarkCase.Descriptor.WorkloadMethod.Name);
        if (allocations)
        {
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return allocated is null ? "-" : (allocated.Value / (double)bytes).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        }
        var seconds = report.ResultStatistics.Mean / 1e9;
        return (bytes / 1e6 / seconds).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A benchmark that knows how many input bytes each of its methods reads per operation.</summary>
public interface ISizedBenchmark
{
    long InputBytes(string methodName);
}
