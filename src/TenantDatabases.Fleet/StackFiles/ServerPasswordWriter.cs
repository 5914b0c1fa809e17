using TenantDatabases.Fleet.Configuration;
using YamlDotNet.Core;

namespace TenantDatabases.Fleet.StackFiles;

/// <summary>
/// Replaces the <c>secure:</c> value of <c>servers.&lt;name&gt;.password</c> in stack file text, where it is
/// written and in the quotes it is written in: every other byte of the file stays as it was.
/// </summary>
public static class ServerPasswordWriter
{
    /// <summary>The text with the server's password ciphertext replaced by <paramref name="ciphertext"/>, or why it cannot be.</summary>
    public static StackFileEditResult ReplaceSecure(string yamlText, string server, string ciphertext)
    {
        if (ciphertext.Any(character => !(char.IsAsciiLetterOrDigit(character) || character is ':' or '+' or '/' or '=')))
        {
            throw new ArgumentException("A secure value is base64 text and ':' only.", nameof(ciphertext));
        }
        var tree = StackFileTree.Parse(yamlText);
        if (!tree.Succeeded)
        {
            return StackFileEditResult.Refused(tree.Problem);
        }
        var password = StackFileTree.Entry(StackFileTree.Entry(tree.Key(ConfigKeys.Servers), server)?.Value, ConfigKeys.Password);
        if (StackFileTree.Entry(password?.Value, "secure")?.Value is not YamlScalarNode { IsNull: false } secure)
        {
            return StackFileEditResult.Refused(
                $"servers.{server}.password is not a 'secure:' value in the stack file. Set it once with: {ServerPasswordCommand.For(server)}.");
        }
        var start = (int)secure.Start.Index;
        var end = (int)secure.End.Index;
        // A quoted value keeps its quotes: only what is between them changes.
        if (secure.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
        {
            start++;
            end--;
        }
        return new StackFileEditResult(yamlText[..start] + ciphertext + yamlText[end..], null);
    }
}
