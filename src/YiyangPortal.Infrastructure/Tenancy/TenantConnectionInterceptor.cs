using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Infrastructure.Tenancy;

/// <summary>
/// Second tenancy wall: every connection EF opens is told its tenant before any query runs, and PostgreSQL
/// row-level security filters on it. It is set on every open (empty when there is no tenant), so a pooled
/// physical connection can never carry the previous request's tenant, even if the pool did not reset it.
/// </summary>
public sealed class TenantConnectionInterceptor : DbConnectionInterceptor
{
    public static TenantConnectionInterceptor Instance { get; } = new();

    public const string SettingName = "app.tenant_id";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = BuildCommand(connection, eventData.Context);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = BuildCommand(connection, eventData.Context);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand BuildCommand(DbConnection connection, object? context)
    {
        var tenantId = (context as PortalDbContext)?.CurrentTenantId;
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{SettingName}', @tenant, false)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenantId?.ToString() ?? string.Empty;
        command.Parameters.Add(parameter);
        return command;
    }
}
