using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace YiyangPortal.Infrastructure.Persistence;

/// <summary>Used by <c>dotnet ef migrations add</c> only; it never connects.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UsePortalDatabase("Host=localhost;Database=yiyang_design")
            .Options;
        return new PortalDbContext(options);
    }
}
