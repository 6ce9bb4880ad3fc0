using System.Diagnostics;
using System.Text;

namespace Inertia.Tests.Cli;

/// <summary>Runs the real <c>inertia</c> executable (built beside the tests) as a child process.</summary>
internal static class InertiaProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"inertia {string.Join(' ', arguments)} did not finish within 2 minutes");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Starts a long-running command (serve); the caller stops it. Its output is read (and kept) so that it never blocks on a full pipe.</summary>
    public static (Process Process, StringBuilder Output) Start(params string[] arguments)
    {
        var process = Process.Start(StartInfo(arguments))!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, output);
    }

    private static ProcessStartInfo StartInfo(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "inertia.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The child's data must come from the test's options, never from the developer's environment.
        start.Environment.Remove("INERTIA_DATA");
        start.Environment.Remove("INERTIA_DATABASE");
        start.Environment.Remove("INERTIA_ALLOW_NETWORKS");
        return start;
    }
}
