using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TenantDatabases.Operations.LocalServers;
using TenantDatabases.Operations.Processes;

namespace TenantDatabases.Testing;

/// <summary>Turns TLS on for a test server with a fresh self-signed certificate for localhost and 127.0.0.1 (trusted by nobody).</summary>
public static class ServerTls
{
    /// <summary>Writes the certificate and key into the data folder, hands them to the server user, and reloads with ssl = on.</summary>
    public static async Task EnableAsync(TestPostgresServer server, CancellationToken cancellationToken = default)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var data = server.Server.Spec.DataDirectory;
        var certificateFile = Path.Combine(data, "server.crt");
        var keyFile = Path.Combine(data, "server.key");
        await File.WriteAllTextAsync(certificateFile, certificate.ExportCertificatePem(), cancellationToken);
        await File.WriteAllTextAsync(keyFile, key.ExportRSAPrivateKeyPem(), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            // postgres refuses a key that others can read.
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        if (LocalServerUser.Current().RunAsName is { } user)
        {
            var chown = await ExternalCommand.RunAsync("chown", [$"{user}:", certificateFile, keyFile], TimeSpan.FromSeconds(30), cancellationToken: cancellationToken);
            if (!chown.Succeeded)
            {
                throw new InvalidOperationException($"chown of the TLS files failed: {chown.StandardError}");
            }
        }
        await server.Server.ExecuteAsSuperuserAsync("ALTER SYSTEM SET ssl = on", cancellationToken: cancellationToken);
        await server.Server.ExecuteAsSuperuserAsync("SELECT pg_reload_conf()", cancellationToken: cancellationToken);
    }
}
