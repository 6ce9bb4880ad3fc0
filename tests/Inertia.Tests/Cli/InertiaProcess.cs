using System.Diagnostics;
using System.Text;

namespace Inertia.Tests.Cli;

/// <summary>Runs the real <c>inertia</c> executable (built beside the tests) as a child process.</summary>
internal static class InertiaProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Task<Result> RunAsync(params string[] arguments) => RunInAsync(null, new Dictionary<string, string>(), arguments);

    /// <summary>Runs in <paramref name="workingDirectory"/> (where appsettings.json is looked for) with <paramref name="environment"/> added.</summary>
    public static async Task<Result> RunInAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = StartInfo(arguments);
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
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
        // The child's settings must come from the test, never from the developer's environment.
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("INERTIA_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        return start;
    }
}
