namespace TenantDatabases.Operations.Rotation;

/// <summary>One step of a rotation as it went: its name (<see cref="RotationSteps"/>), whether it did its work, and what it found.</summary>
public sealed record RotationStep(string Name, bool Succeeded, string Message);

/// <summary>The steps of a rotation, in the order of the product's procedure.</summary>
public static class RotationSteps
{
    /// <summary>Names, as reports show them.</summary>
    public const string Login = "login", Record = "record", Server = "server", StackRecord = "stack", Test = "test",
        RestoreStack = "restore-stack", RestoreServer = "restore-server";
}
