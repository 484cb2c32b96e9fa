namespace YiyangPortal.Domain.Common;

/// <summary>A rule of the domain was broken. The message is Chinese and fit to show a user.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException()
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
