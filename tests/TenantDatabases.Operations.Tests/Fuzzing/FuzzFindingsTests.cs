namespace TenantDatabases.Operations.Tests.Fuzzing;

/// <summary>What fuzzing found in the JSON parsers, each kept as a plain regression test.</summary>
public sealed class FuzzFindingsTests
{
    [Fact]
    public void MalformedStackOutputsNeverQuoteTheTextAfterTheError()
    {
        // JsonException's message for a bad literal quotes everything after it: here, the password.
        var json = JsonInputFuzzTests.Outputs.Replace("\"tenant_acme_coffee_owner\"", "tenant_acme_coffee_owner\"");

        var problem = Assert.Single(OutsideInputParsers.StackOutputs(json).Problems);

        Assert.DoesNotContain(JsonInputFuzzTests.FirstSecret, problem);
        Assert.StartsWith("outputs.json: not valid JSON (line 9, column 20)", problem);
    }

    [Fact]
    public void TextWithALoneSurrogateIsAProblemNotACrash()
    {
        // JsonDocument.Parse throws ArgumentException, not JsonException, on a string no UTF-8 can hold.
        var outputs = OutsideInputParsers.StackOutputs(JsonInputFuzzTests.Outputs.Replace("eu-west", "eu-\uD800west"));
        var config = OutsideInputParsers.PulumiConfig(JsonInputFuzzTests.Config.Replace("eu-west", "eu-\uDC00west"));

        Assert.Contains("not valid JSON (it holds an invalid character)", Assert.Single(outputs.Problems));
        Assert.Contains("not JSON (it holds an invalid character)", Assert.Single(config.Problems));
    }

    [Fact]
    public void AnEscapedLoneSurrogateIsAProblemNotACrash()
    {
        // JSON can escape "\uD800"; JsonDocument accepts it and then throws when the string is read.
        var outputs = OutsideInputParsers.StackOutputs(JsonInputFuzzTests.Outputs.Replace("eu-west", "eu-\\uD800west"));
        var config = OutsideInputParsers.PulumiConfig(JsonInputFuzzTests.Config.Replace("\"eu-primary\": {", "\"eu-\\uDC00primary\": {"));

        Assert.Contains("escapes a lone surrogate", Assert.Single(outputs.Problems));
        Assert.Contains("escapes a lone surrogate", Assert.Single(config.Problems));
    }
}
