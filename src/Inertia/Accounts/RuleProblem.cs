using System.Globalization;

namespace Inertia.Accounts;

/// <summary>
/// Why a name or password was refused: an English message with {0} places and their values, so that the
/// command line prints it as is and the web interface shows it translated.
/// </summary>
internal sealed record RuleProblem(string Format, params object?[] Arguments)
{
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Format, Arguments);
}
