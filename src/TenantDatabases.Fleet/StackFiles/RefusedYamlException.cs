using YamlDotNet.Core;

namespace TenantDatabases.Fleet.StackFiles;

/// <summary>
/// Well-formed YAML that a stack file may not use (an anchor or an alias), with its position and the fix;
/// thrown by <see cref="YamlTreeParser"/> before anything is expanded.
/// </summary>
internal sealed class RefusedYamlException(Mark start, Mark end, string message, string fix) : YamlException(start, end, message)
{
    /// <summary>How to write the file instead.</summary>
    public string Fix { get; } = fix;

    /// <summary>The message without YamlDotNet's "(Line: …)" prefix.</summary>
    public string Problem { get; } = message;
}
