using EnergyAuction.Hems.Households;
using EnergyAuction.Hems.Profiles;
using EnergyAuction.Hems.Readings;
using EnergyAuction.Hems.Simulation;
using EnergyAuction.Data.Profiles;

namespace EnergyAuction.Hems;

/// <summary>
/// Every meter the HEMS serves: ingested readings when it has them, otherwise the profile replay.
/// </summary>
public sealed class Meters
{
    private readonly Dictionary<string, Meter> _meters;
    private readonly List<Household> _households;

    /// <summary>Builds the meters of <paramref name="households"/> over <paramref name="profiles"/>.</summary>
    public Meters(IEnumerable<Household> households, ProfileData profiles, SimulatedClock clock)
    {
        Clock = clock;
        Profiles = profiles;
        _households = [.. households];
        _meters = _households.ToDictionary(
            h => h.Meter,
            h => new Meter(new HouseholdSimulation(h, profiles, clock), new MeterReadings(h.BatteryCapacityWh)));
    }

    /// <summary>The time mapping the meters use.</summary>
    public SimulatedClock Clock { get; }

    /// <summary>The profiles being replayed.</summary>
    public ProfileData Profiles { get; }

    /// <summary>All households, in meter-id order as configured.</summary>
    public IReadOnlyList<Household> Households => _households;

    /// <summary>True when <paramref name="t"/> (real or chain unix seconds) is within the simulated horizon.</summary>
    public bool IsWithinHorizon(long t) => t - Clock.Origin <= HouseholdSimulation.HorizonSimulatedSeconds / Clock.Scale;

    /// <summary>The meter with this id, or null.</summary>
    public Meter? Find(string id) => _meters.GetValueOrDefault(id);
}

/// <summary>One meter: its household's replay and its ingested readings.</summary>
public sealed record Meter(HouseholdSimulation Simulation, MeterReadings Readings)
{
    /// <summary>Wh received from the grid during [from, to] (real or chain unix seconds).</summary>
    public long ImportedWh(long from, long to) =>
        Readings.HasRegisters ? Readings.ImportedWh(from, to) : Simulation.ImportedWh(from, to);

    /// <summary>Wh fed into the grid during [from, to] (real or chain unix seconds).</summary>
    public long ExportedWh(long from, long to) =>
        Readings.HasRegisters ? Readings.ExportedWh(from, to) : Simulation.ExportedWh(from, to);

    /// <summary>
    /// Wh consumed during [from, to]: the import register when registers were ingested (that is
    /// what the meter measures), else the household's replayed load.
    /// </summary>
    public long ConsumedWh(long from, long to) =>
        Readings.HasRegisters ? Readings.ImportedWh(from, to) : Simulation.ConsumedWh(from, to);

    /// <summary>Energy the household can sell at <paramref name="t"/>: battery charge in Wh.</summary>
    public long ChargeWh(long t) => Readings.HasBattery ? Readings.ChargeWh(t) : Simulation.ChargeWh(t);
}
