using EnergyAuction.Hems.Households;
using EnergyAuction.Hems.Profiles;
using EnergyAuction.Data.Profiles;

namespace EnergyAuction.Hems.Simulation;

/// <summary>
/// Replays one household minute by minute from the clock's origin: load from its feeder load shape,
/// PV from the Ausgrid reference scaled to its peak power, and a battery that charges from PV
/// surplus and discharges to cover load, clamped to [0, capacity]. What the battery cannot cover
/// is imported from the grid; surplus the full battery cannot take is exported to it. Integer
/// watts and watt-minutes throughout.
/// </summary>
public sealed class HouseholdSimulation(Household household, ProfileData profiles, SimulatedClock clock)
{
    /// <summary>How far past the origin the simulation runs: ten simulated years.</summary>
    public const long HorizonSimulatedSeconds = 10L * 366 * 86400;

    private const int MinutesPerCheckpoint = LoadShapes.MinutesPerDay;
    private readonly List<State> _checkpoints = [new State(household.InitialChargeWh * 60, 0, 0, 0)];
    private readonly Lock _lock = new();
    private readonly long _firstMinute = Math.DivRem(clock.Origin, 60, out _);

    /// <summary>The household this simulation replays.</summary>
    public Household Household => household;

    /// <summary>Battery charge in Wh at real (or chain) time <paramref name="t"/>.</summary>
    public long ChargeWh(long t) => At(t).ChargeWattMinutes / 60;

    /// <summary>Wh consumed by the household's loads during [from, to) real (or chain) seconds.</summary>
    public long ConsumedWh(long from, long to) => (At(to).LoadWattSeconds - At(from).LoadWattSeconds) / 3600;

    /// <summary>Wh the meter imported from the grid during [from, to) real (or chain) seconds.</summary>
    public long ImportedWh(long from, long to) => (At(to).ImportWattSeconds - At(from).ImportWattSeconds) / 3600;

    /// <summary>Wh the meter exported to the grid during [from, to) real (or chain) seconds.</summary>
    public long ExportedWh(long from, long to) => (At(to).ExportWattSeconds - At(from).ExportWattSeconds) / 3600;

    private Reading At(long t)
    {
        var simulated = clock.ToSimulated(Math.Max(t, clock.Origin));
        var minute = Math.DivRem(simulated, 60, out var second) - _firstMinute;
        var state = StateAtMinute(minute);
        var step = Step(state.ChargeWattMinutes, _firstMinute + minute);
        return new Reading(
            state.ChargeWattMinutes,
            state.LoadWattMinutes * 60 + step.LoadWatts * second,
            state.ImportWattMinutes * 60 + step.ImportWatts * second,
            state.ExportWattMinutes * 60 + step.ExportWatts * second);
    }

    private State StateAtMinute(long minute)
    {
        var index = (int)(minute / MinutesPerCheckpoint);
        State state;
        lock (_lock)
        {
            while (_checkpoints.Count <= index)
                _checkpoints.Add(Advance(_checkpoints[^1], (long)(_checkpoints.Count - 1) * MinutesPerCheckpoint, MinutesPerCheckpoint));
            state = _checkpoints[index];
        }
        return Advance(state, (long)index * MinutesPerCheckpoint, (int)(minute % MinutesPerCheckpoint));
    }

    private State Advance(State state, long fromMinute, int minutes)
    {
        for (var k = 0; k < minutes; k++)
        {
            var step = Step(state.ChargeWattMinutes, _firstMinute + fromMinute + k);
            state = new State(step.ChargeAfter, state.LoadWattMinutes + step.LoadWatts,
                state.ImportWattMinutes + step.ImportWatts, state.ExportWattMinutes + step.ExportWatts);
        }
        return state;
    }

    private MinuteStep Step(long chargeWattMinutes, long absoluteMinute)
    {
        var load = profiles.Loads.Watts(household.Load, (int)(absoluteMinute % LoadShapes.MinutesPerDay));
        var utc = DateTime.UnixEpoch.AddMinutes(absoluteMinute);
        var pv = profiles.Pv.ReferenceWatts(utc) * household.PvPeakWatts / PvGeneration.ReferencePeakWatts;
        var capacity = household.BatteryCapacityWh * 60;
        if (pv >= load)
        {
            var charged = chargeWattMinutes + pv - load;
            return new MinuteStep(load, 0, Math.Max(0, charged - capacity), Math.Min(capacity, charged));
        }
        var deficit = load - pv;
        var discharge = Math.Min(chargeWattMinutes, deficit);
        return new MinuteStep(load, deficit - discharge, 0, chargeWattMinutes - discharge);
    }

    private readonly record struct State(long ChargeWattMinutes, long LoadWattMinutes, long ImportWattMinutes, long ExportWattMinutes);

    private readonly record struct Reading(long ChargeWattMinutes, long LoadWattSeconds, long ImportWattSeconds, long ExportWattSeconds);

    private readonly record struct MinuteStep(long LoadWatts, long ImportWatts, long ExportWatts, long ChargeAfter);
}
