namespace EnergyAuction.Simulation;

/// <summary>
/// The IOTA paper's aggressiveness-based adjustment, kept simple: each household has a level 0..10 (start 5). A seller
/// asks retail - level/10 x (retail - feed-in), a buyer bids feed-in + level/10 x (retail - feed-in), so a higher
/// level gives up more surplus to trade. A household whose order won nothing becomes one level more aggressive, one
/// that traded one level less, seeking more surplus next window.
/// </summary>
public sealed class Aggressiveness
{
    /// <summary>Highest level: a seller at feed-in, a buyer at retail.</summary>
    public const int MaxLevel = 10;

    private readonly int[] _level;

    public Aggressiveness(int households)
    {
        _level = new int[households];
        Array.Fill(_level, MaxLevel / 2);
    }

    /// <summary>The household's level now.</summary>
    public int Level(int household) => _level[household];

    /// <summary>After a window: more aggressive after a loss, less after a trade.</summary>
    public void Learn(int household, bool traded) =>
        _level[household] = Math.Clamp(_level[household] + (traded ? -1 : 1), 0, MaxLevel);
}
