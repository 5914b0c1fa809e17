using System.Collections.Immutable;
using Pulumi.Testing;

namespace TenantDatabases.Infra.Tests.Engine;

/// <summary>
/// The engine's stand-in: every resource's outputs are its inputs, plus what a provider would compute
/// (a RandomPassword's <c>result</c>, a <c>name</c> where none was given). Records every registration.
/// A <paramref name="referenceFailure"/> makes the backend fail the stack's reference to itself with that message.
/// </summary>
internal sealed class Mocks(IReadOnlyDictionary<string, object>? lastOutputs = null, string? referenceFailure = null) : IMocks
{
    public const string RandomPasswordType = "random:index/randomPassword:RandomPassword";

    public const string StackReferenceType = "pulumi:pulumi:StackReference";

    private readonly List<MockResourceArgs> registered = [];

    /// <summary>Every resource the program registered, in order.</summary>
    public IReadOnlyList<MockResourceArgs> Registered
    {
        get
        {
            lock (registered)
            {
                return registered.ToList();
            }
        }
    }

    /// <summary>The password the mocked random provider generates for a RandomPassword resource.</summary>
    public static string GeneratedPassword(string resourceName) => "Pw" + resourceName.Replace("-", "");

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        lock (registered)
        {
            registered.Add(args);
        }
        var outputs = ImmutableDictionary.CreateBuilder<string, object>();
        outputs.AddRange(args.Inputs);
        if (!args.Inputs.ContainsKey("name"))
        {
            outputs.Add("name", args.Name!);
        }
        if (args.Type == RandomPasswordType)
        {
            outputs.Add("result", GeneratedPassword(args.Name!));
        }
        if (args.Type == StackReferenceType && referenceFailure is not null)
        {
            throw new InvalidOperationException(referenceFailure);
        }
        if (args.Type == StackReferenceType)
        {
            // What the backend answers for the stack's own last deployment: nothing at all before the first one.
            outputs.Add("outputs", (lastOutputs ?? new Dictionary<string, object>()).ToImmutableDictionary());
            outputs.Add("secretOutputNames", ImmutableArray<string>.Empty);
        }
        return Task.FromResult<(string? id, object state)>(($"{args.Name}_id", outputs.ToImmutable()));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Args);
}
