namespace TenantDatabases.Testing.Fuzzing;

/// <summary>The syntax a <see cref="TextMutator"/> inserts and the values it swaps in, per format.</summary>
/// <param name="Fragments">Pieces of syntax inserted anywhere.</param>
/// <param name="Values">Values of every type, put where a value was.</param>
public sealed record TextDialect(IReadOnlyList<string> Fragments, IReadOnlyList<string> Values)
{
    /// <summary>YAML, with anchors, aliases, merge keys, tags, block scalars, documents and flow collections.</summary>
    public static readonly TextDialect Yaml = new(
        ["&a ", "*a", "<<: *a", "&x [*x]", "!!binary ", "!tag ", "? ", "- ", ": ", "{", "}", "[", "]", "'", "\"", "|", ">-",
         "# ", "---\n", "...\n", "%YAML 1.1\n", "\\", ",", "\"\\u0000\"", "&b {k: *b}"],
        ["[a, b]", "{x: 1}", "123", "-1", "0", "99999999999999999999", "1e309", "0x1F", "true", "no", "null", "~", "\"\"",
         "''", "[]", "{}", "|\n  block", "\"\\uD800\"", "*a", "&a v", "{secure: v1:abc}", "{secure: [1]}", "- item", "2001-01-01"]);

    /// <summary>JSON, with structure tokens, escapes, deep nesting and every value kind.</summary>
    public static readonly TextDialect Json = new(
        ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\uD800", "null", "1e999", "-0", "\"tenants\"", "\"password\"",
         "\"\": ", "/* */", "//", "\"secure\": ", new string('[', 70)],
        ["[\"a\", \"b\"]", "{\"x\": 1}", "123", "-1", "0", "99999999999999999999", "1e309", "1.5", "true", "false", "null",
         "\"\"", "[]", "{}", "\"[secret]\"", "{\"secure\": \"v1:abc\"}", "\"\\u0000\"", "\"\\uD800\"", "\"verify-full\"", "\"x\""]);
}
