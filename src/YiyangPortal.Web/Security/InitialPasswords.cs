using System.Security.Cryptography;

namespace YiyangPortal.Web.Security;

/// <summary>
/// The one way the portal makes a password for someone else: a new account's initial password, a reset, the demo
/// password. Shown once to whoever hands it over; the user changes it after signing in.
/// </summary>
public static class InitialPasswords
{
    /// <summary>16 characters from an alphabet without look-alikes (0/O, 1/l/I): read aloud or typed from a printout.</summary>
    public static string Generate() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
}
