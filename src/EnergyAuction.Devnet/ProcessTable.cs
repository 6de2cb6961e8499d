using System.Globalization;

namespace EnergyAuction.Devnet;

/// <summary>The machine's processes as /proc shows them: for reading a child's memory and for checking that
/// nothing the devnet started is left running.</summary>
public static class ProcessTable
{
    private sealed record Entry(int Pid, int ParentPid, int Group, char State);

    /// <summary>Every process whose ancestors include <paramref name="root"/>, root first.</summary>
    public static IReadOnlyList<int> Descendants(int root)
    {
        var entries = Read();
        var result = new List<int> { root };
        for (var i = 0; i < result.Count; i++)
            result.AddRange(entries.Where(e => e.ParentPid == result[i]).Select(e => e.Pid));
        return result;
    }

    /// <summary>The processes still alive (not zombies) in any of the given process groups (ChildProcess ids are group ids).</summary>
    public static IReadOnlyList<int> AliveInGroups(IEnumerable<int> groups)
    {
        var wanted = groups.ToHashSet();
        return [.. Read().Where(e => wanted.Contains(e.Group) && e.State != 'Z').Select(e => e.Pid)];
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the groups to empty (a killed process takes a moment to go);
    /// returns what is still alive then.</summary>
    public static async Task<IReadOnlyList<int>> WaitForGroupsToEndAsync(IEnumerable<int> groups, TimeSpan timeout)
    {
        var list = groups.ToList();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var alive = AliveInGroups(list);
            if (alive.Count == 0 || DateTime.UtcNow > deadline) return alive;
            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>Peak resident memory (VmHWM) in KiB of the first process under <paramref name="root"/> named
    /// <paramref name="name"/>; null if there is none.</summary>
    public static long? PeakMemoryKib(int root, string name)
    {
        foreach (var pid in Descendants(root))
        {
            try
            {
                var lines = File.ReadAllLines($"/proc/{pid}/status");
                if (!lines.Any(l => l.StartsWith("Name:", StringComparison.Ordinal) && l.Contains(name, StringComparison.Ordinal))) continue;
                var hwm = lines.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (hwm is not null) return long.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // it ended while we looked
            }
        }
        return null;
    }

    /// <summary>Processor time (user and system) in ms that <paramref name="root"/> and the processes under it have
    /// used so far: what a benchmark charges the node for, whatever else loads the machine.</summary>
    public static long ProcessorTimeMs(int root)
    {
        long ticks = 0;
        foreach (var pid in Descendants(root))
        {
            try
            {
                // utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks (USER_HZ, 100 a second on Linux).
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // it ended while we looked
            }
        }
        return ticks * 10;
    }

    private static List<Entry> Read()
    {
        var entries = new List<Entry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                // "pid (comm) state ppid pgrp ...": comm may hold spaces, so split after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                entries.Add(new Entry(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture), fields[0][0]));
            }
            catch (IOException)
            {
                // it ended while we looked
            }
        }
        return entries;
    }
}
