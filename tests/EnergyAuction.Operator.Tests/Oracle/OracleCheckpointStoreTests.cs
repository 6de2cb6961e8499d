using EnergyAuction.Operator.Oracle;

namespace EnergyAuction.Operator.Tests.Oracle;

public class OracleCheckpointStoreTests
{
    private const string Id = "0xAB00000000000000000000000000000000000000000000000000000000000001";
    private string _dir = null!;
    private string Path_ => Path.Combine(_dir, "oracle", "checkpoint.json");

    [SetUp]
    public void CreateDirectory() => _dir = Directory.CreateTempSubdirectory("checkpoint-").FullName;

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void A_restarted_daemon_remembers_fulfilled_requests_and_its_block()
    {
        var store = new OracleCheckpointStore(Path_, startBlock: 5);
        Assert.That(store.NextBlock, Is.EqualTo(5));
        Assert.That(store.MarkFulfilled(Id), Is.True);
        store.MarkBlockProcessed(42);

        var restarted = new OracleCheckpointStore(Path_, startBlock: 5);
        Assert.That(restarted.IsFulfilled(Id.ToLowerInvariant()), Is.True);
        Assert.That(restarted.MarkFulfilled(Id), Is.False, "a second fulfilment is refused");
        Assert.That(restarted.LastProcessedBlock, Is.EqualTo(42));
        Assert.That(restarted.NextBlock, Is.EqualTo(43));
        Assert.That(restarted.IsFulfilled("0x" + new string('0', 64)), Is.False);
    }

    [Test]
    public void The_block_never_moves_back()
    {
        var store = new OracleCheckpointStore(Path_);
        store.MarkBlockProcessed(10);
        store.MarkBlockProcessed(3);
        Assert.That(new OracleCheckpointStore(Path_).LastProcessedBlock, Is.EqualTo(10));
    }

    [Test]
    public void Writes_leave_no_temporary_files()
    {
        var store = new OracleCheckpointStore(Path_);
        store.MarkFulfilled(Id);
        store.MarkBlockProcessed(1);
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(Path_)!), Is.EqualTo(new[] { Path_ }));
    }

    [TestCase("{not json")]
    [TestCase("{\"lastProcessedBlock\": 3}")]
    public void A_corrupt_checkpoint_stops_the_daemon_instead_of_starting_over(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path_)!);
        File.WriteAllText(Path_, content);
        var e = Assert.Throws<InvalidDataException>(() => _ = new OracleCheckpointStore(Path_));
        Assert.That(e!.Message, Does.Contain(Path_));
    }
}
