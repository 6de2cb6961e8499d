namespace EnergyAuction.Chain.KeyStore;

/// <summary>The keystore's MAC did not match: the password is wrong (or the file was altered).</summary>
public sealed class WrongPasswordException() : Exception("wrong password for this keystore (MAC mismatch)");
