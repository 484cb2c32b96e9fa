namespace YiyangPortal.Infrastructure.Tenancy;

/// <summary>
/// SQL for the PostgreSQL row-level-security wall, used by migrations. Policies are FORCEd so that even the
/// table owner is filtered; only superusers and BYPASSRLS roles see across tenants.
/// </summary>
public static class RowLevelSecurity
{
    /// <summary>The tenant the connection was told by <see cref="TenantConnectionInterceptor"/>, or NULL.</summary>
    public const string CreateCurrentTenantFunction = """
        CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid
        LANGUAGE sql STABLE PARALLEL SAFE
        AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;
        """;

    public const string DropCurrentTenantFunction = "DROP FUNCTION IF EXISTS app_current_tenant();";

    /// <summary>A table with a NOT NULL tenant_id: rows are visible and writable only inside their tenant.</summary>
    public static string EnableForTenantTable(string table) => Enable(
        table, "tenant_id = app_current_tenant()");

    /// <summary>The users table: platform users have no tenant and are seen only when no tenant is set.</summary>
    public static string EnableForUsers(string table) => Enable(
        table, "tenant_id IS NOT DISTINCT FROM app_current_tenant()");

    /// <summary>Identity child tables (claims, logins, tokens) follow the visibility of their user.</summary>
    public static string EnableForUserChildTable(string table, string usersTable) => Enable(
        table, $"EXISTS (SELECT 1 FROM {usersTable} u WHERE u.id = {table}.user_id)");

    /// <summary>A child table without tenant_id (agreement items, signatures…) follows the visibility of its parent.</summary>
    public static string EnableForChildTable(string table, string parentTable, string foreignKey) => Enable(
        table, $"EXISTS (SELECT 1 FROM {parentTable} p WHERE p.id = {table}.{foreignKey})");

    public static string Disable(string table) => $"""
        DROP POLICY IF EXISTS tenant_isolation ON {table};
        ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;
        ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;
        """;

    private static string Enable(string table, string predicate) => $"""
        ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON {table} USING ({predicate}) WITH CHECK ({predicate});
        """;
}
