namespace TenantDatabases.Operations.Connections;

/// <summary>The configuration's sslMode (libpq's) as Npgsql names it.</summary>
public static class NpgsqlSslMode
{
    public static Npgsql.SslMode ToNpgsql(this Fleet.Model.SslMode mode) => mode switch
    {
        Fleet.Model.SslMode.Disable => Npgsql.SslMode.Disable,
        Fleet.Model.SslMode.Allow => Npgsql.SslMode.Allow,
        Fleet.Model.SslMode.Prefer => Npgsql.SslMode.Prefer,
        Fleet.Model.SslMode.Require => Npgsql.SslMode.Require,
        Fleet.Model.SslMode.VerifyCa => Npgsql.SslMode.VerifyCA,
        _ => Npgsql.SslMode.VerifyFull,
    };
}
