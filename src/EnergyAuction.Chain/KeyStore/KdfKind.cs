namespace EnergyAuction.Chain.KeyStore;

/// <summary>The key-derivation function protecting a keystore's password.</summary>
public enum KdfKind
{
    Scrypt,
    Pbkdf2,
}
