using Xunit;

namespace TenantDatabases.Testing.Fuzzing;

/// <summary>
/// Runs a check on a fixed, seeded set of mutated inputs. A case fails when the check throws (an
/// exception escaping the parser, or an assertion); the whole set fails past a generous time bound,
/// which catches a hang rather than measuring speed. Planted secrets are masked in what a failure shows.
/// </summary>
public sealed record FuzzCases(int Seed, int Count, TextDialect Dialect, IReadOnlyList<string> Seeds, IReadOnlyList<string> Secrets)
{
    /// <summary>Far above the few seconds a set takes, so only a hang or a blow-up reaches it.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>The mutated inputs, the same ones on every run.</summary>
    public IReadOnlyList<string> Inputs()
    {
        var mutator = new TextMutator(Seed, Dialect);
        return Enumerable.Range(0, Count).Select(_ => mutator.Next(Seeds)).ToList();
    }

    /// <summary>Runs <paramref name="check"/> on every input.</summary>
    public Task CheckAsync(Action<string> check) => CheckAsync(input =>
    {
        check(input);
        return Task.CompletedTask;
    });

    /// <summary>Runs <paramref name="check"/> on every input, one after another.</summary>
    public async Task CheckAsync(Func<string, Task> check)
    {
        var inputs = Inputs();
        var run = Task.Run(async () =>
        {
            for (var index = 0; index < inputs.Count; index++)
            {
                try
                {
                    await check(inputs[index]);
                }
                catch (Exception error)
                {
                    throw new InvalidOperationException(
                        $"fuzz case {index} of seed {Seed} failed: {Mask(error.ToString())}\n--- input ---\n{Mask(inputs[index])}\n---");
                }
            }
        });
        try
        {
            await run.WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"fuzz cases of seed {Seed} did not finish within {Bound.TotalSeconds} s: a parser hangs or blows up.");
        }
    }

    /// <summary>Fails when a planted secret appears in <paramref name="text"/>.</summary>
    public void AssertNoSecretIn(string text, string what)
    {
        foreach (var secret in Secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a planted secret is echoed in {what}: {Mask(text)}");
        }
    }

    /// <summary>Fails when <paramref name="text"/> is blank or shows an exception or a stack frame.</summary>
    public static void AssertIsAMessage(string text, string what)
    {
        Assert.False(string.IsNullOrWhiteSpace(text), $"{what} is empty");
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
    }

    private string Mask(string text) => Secrets.Aggregate(text, (masked, secret) => masked.Replace(secret, "<planted secret>", StringComparison.Ordinal));
}
