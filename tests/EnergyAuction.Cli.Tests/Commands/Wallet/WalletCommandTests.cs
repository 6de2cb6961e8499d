using System.Text.Json;
using EnergyAuction.Chain.KeyStore;

namespace EnergyAuction.Cli.Tests.Commands.Wallet;

/// <summary>Wallets without a chain: created from a prompted password, listed, found by name or address, never overwritten.</summary>
[NonParallelizable]
public class WalletCommandTests
{
    private string _dir = "";
    private string? _passwordFile;

    [SetUp]
    public void UseAFreshKeystoreFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), $"energy-keystore-{Guid.NewGuid():N}");
        _passwordFile = Environment.GetEnvironmentVariable(Cli.Wallet.PasswordSource.FileVariable);
        Environment.SetEnvironmentVariable(Cli.Wallet.PasswordSource.FileVariable, null);
    }

    [TearDown]
    public void Restore()
    {
        Environment.SetEnvironmentVariable(Cli.Wallet.PasswordSource.FileVariable, _passwordFile);
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public async Task ANewWalletIsAKeystoreThePromptedPasswordOpens()
    {
        var input = new ScriptedInput(true, "s3cret", "s3cret");

        var run = await CliRun.With(input, "wallet", "new", "--name", "home", "--scrypt-n", "1024", "--keystore-dir", _dir, "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var path = run.Json.GetProperty("path").GetString()!;
        var key = new Keystore().DecryptKey(File.ReadAllText(path), "s3cret");
        Assert.That(key.Address, Is.EqualTo(run.Json.GetProperty("address").GetString()));
        Assert.That(input.Prompts, Is.EqualTo(new[] { "New wallet password: ", "Repeat the password: " }));
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public async Task PasswordsThatDifferSaveNothing()
    {
        var run = await CliRun.With(new ScriptedInput(true, "one", "two"), "wallet", "new", "--scrypt-n", "1024", "--keystore-dir", _dir);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("the two passwords differ; nothing was saved"));
        Assert.That(Directory.Exists(_dir) ? Directory.GetFiles(_dir) : [], Is.Empty);
    }

    [Test]
    public async Task WalletsAreListedAndFoundByNameOrAddressAndNeverOverwritten()
    {
        var first = await New("alpha");
        await New("beta");
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "not a keystore");

        var list = await CliRun.Of("wallet", "list", "--keystore-dir", _dir, "--json");
        var byAddress = await CliRun.Of("wallet", "show", "--from", first.ToLowerInvariant(), "--keystore-dir", _dir, "--json");
        var again = await CliRun.With(new ScriptedInput(true, "pw", "pw"), "wallet", "new", "--name", "alpha", "--scrypt-n", "1024", "--keystore-dir", _dir);

        Assert.That(list.Json.EnumerateArray().Select(w => w.GetProperty("name").GetString()), Is.EqualTo(new[] { "alpha", "beta" }));
        Assert.That(byAddress.Json.GetProperty("name").GetString(), Is.EqualTo("alpha"));
        Assert.That(again.ExitCode, Is.EqualTo(2));
        Assert.That(again.Error, Does.Contain($"wallet alpha ({first}) already exists"));
    }

    [Test]
    public async Task TheDefaultWalletIsNamedOnStderr()
    {
        var address = await New("only");

        var run = await CliRun.Of("wallet", "show", "--keystore-dir", _dir);

        Assert.That(run.Out, Does.Contain(address));
        var nameless = await CliRun.Of("balance", "--keystore-dir", _dir, "--rpc", "http://127.0.0.1:9");
        Assert.That(nameless.Error, Does.StartWith($"using wallet only ({address}); choose another with --from"));
    }

    [Test]
    public async Task AKeyFileThatHoldsNoKeyIsAUsageError()
    {
        var file = ScratchFolder.NewFile("key", "txt");
        File.WriteAllText(file, "0x1234");

        var run = await CliRun.With(new ScriptedInput(true, "pw", "pw"), "wallet", "import", "--private-key-file", file, "--keystore-dir", _dir);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("does not hold a private key (expected 64 hex digits, 0x optional)"));
    }

    [Test]
    public async Task TheScryptCostMustBeAPowerOfTwo()
    {
        var run = await CliRun.Of("wallet", "new", "--scrypt-n", "1000", "--keystore-dir", _dir);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--scrypt-n 1000 is not a power of two"));
    }

    private async Task<string> New(string name)
    {
        var run = await CliRun.With(new ScriptedInput(true, "pw", "pw"), "wallet", "new", "--name", name, "--scrypt-n", "1024", "--keystore-dir", _dir, "--json");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        return run.Json.GetProperty("address").GetString()!;
    }
}
