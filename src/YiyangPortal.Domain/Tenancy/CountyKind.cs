namespace YiyangPortal.Domain.Tenancy;

/// <summary>The county-level division types (区、县、县级市) a regulator can be bound to.</summary>
public enum CountyKind
{
    /// <summary>市辖区.</summary>
    District = 1,

    /// <summary>县.</summary>
    County = 2,

    /// <summary>县级市.</summary>
    CountyLevelCity = 3,
}
