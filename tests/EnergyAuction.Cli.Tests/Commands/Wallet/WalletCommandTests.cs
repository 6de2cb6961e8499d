using System.Text.Json;
using EnergyAuction.Chain.KeyStore;

namespace EnergyAuction.Cli.Tests.Commands.Wallet;

/// <summary>Wallets without a chain: created from a prompted password, listed, found by name or address, never overwritten.</summary>
[NonParallelizable]
public class WalletCommandTests
{
    private const string Password = "long enough";

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
        var input = new ScriptedInput(true, "s3cret-phrase", "s3cret-phrase");

        var run = await CliRun.With(input, "wallet", "new", "--name", "home", "--scrypt-n", "1024", "--keystore-dir", _dir, "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var path = run.Json.GetProperty("path").GetString()!;
        var key = new Keystore().DecryptKey(File.ReadAllText(path), "s3cret-phrase");
        Assert.That(key.Address, Is.EqualTo(run.Json.GetProperty("address").GetString()));
        Assert.That(input.Prompts, Is.EqualTo(new[] { "New wallet password: ", "Repeat the password: " }));
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public async Task PasswordsThatDifferSaveNothing()
    {
        var run = await CliRun.With(new ScriptedInput(true, "first password", "second password"), "wallet", "new", "--scrypt-n", "1024", "--keystore-dir", _dir);

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
        var again = await CliRun.With(new ScriptedInput(true, Password, Password), "wallet", "new", "--name", "alpha", "--scrypt-n", "1024", "--keystore-dir", _dir);

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
        PrivateFiles.Write(file, "0x1234");

        var run = await CliRun.With(new ScriptedInput(true, Password, Password), "wallet", "import", "--private-key-file", file, "--keystore-dir", _dir);

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

    [Test]
    public async Task WithSeveralWalletsOnlyTheChosenDefaultSignsWithoutFrom()
    {
        await New("alpha");
        var beta = await New("beta");

        var undecided = await CliRun.Of("balance", "--keystore-dir", _dir, "--rpc", "http://127.0.0.1:9");
        var chosen = await CliRun.Of("wallet", "default", "beta", "--keystore-dir", _dir);
        File.Copy(Directory.GetFiles(_dir, "alpha.json")[0], Path.Combine(_dir, "UTC--2026-01-01T00-00-00.0Z--aaaa"));
        var shown = await CliRun.Of("wallet", "show", "--keystore-dir", _dir, "--json");
        var used = await CliRun.Of("balance", "--keystore-dir", _dir, "--rpc", "http://127.0.0.1:9");
        var list = await CliRun.Of("wallet", "list", "--keystore-dir", _dir);

        Assert.That(undecided.ExitCode, Is.EqualTo(2), undecided.ToString());
        Assert.That(undecided.Error.Trim(), Is.EqualTo(
            $"error: 2 wallets in {_dir} (alpha, beta) and none is the default: pass --from NAME, or choose one with `energy wallet default NAME`"));
        Assert.That(chosen.ExitCode, Is.Zero, chosen.ToString());
        Assert.That(chosen.Out, Does.StartWith("wallet beta is now the default (used without --from)"));
        Assert.That(shown.Json.GetProperty("name").GetString(), Is.EqualTo("beta"));
        Assert.That(used.Error, Does.StartWith($"using the default wallet beta ({beta}); choose another with --from"));
        Assert.That(list.Out, Does.Match($@"beta\s+{beta}\s+yes\s"));
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task KeystoresAndPasswordFilesOthersCanReadAreRefusedWithTheChmodToRun()
    {
        await New("home");
        var keystore = Path.Combine(_dir, "home.json");
        var folderMode = File.GetUnixFileMode(_dir);
        File.SetUnixFileMode(keystore, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var openKeystore = await CliRun.With(new ScriptedInput(true, Password), "withdraw", "--from", "home", "--keystore-dir", _dir, "--rpc", "http://127.0.0.1:9");
        File.SetUnixFileMode(keystore, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var passwordFile = ScratchFolder.NewFile("password", "txt");
        File.WriteAllText(passwordFile, Password);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        Environment.SetEnvironmentVariable(Cli.Wallet.PasswordSource.FileVariable, passwordFile);
        var openPassword = await CliRun.Of("withdraw", "--from", "home", "--keystore-dir", _dir, "--rpc", "http://127.0.0.1:9");

        Assert.That(folderMode, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        Assert.That(openKeystore.ExitCode, Is.EqualTo(1));
        Assert.That(openKeystore.Error.Trim(), Is.EqualTo(
            $"error: keystore {keystore} is open to group or others (mode 0644); run `chmod 600 {keystore}` so only you can read it"));
        Assert.That(openPassword.ExitCode, Is.EqualTo(1));
        Assert.That(openPassword.Error.Trim(), Is.EqualTo(
            $"error: password file (ENERGY_PASSWORD_FILE) {passwordFile} is open to group or others (mode 0640); run `chmod 600 {passwordFile}` so only you can read it"));
    }

    [Test]
    public async Task ACorruptKeystoreIsListedAsCorruptAndNamedWhenChosen()
    {
        await New("good");
        PrivateFiles.Write(Path.Combine(_dir, "broken.json"), "{\"crypto\":");

        var list = await CliRun.Of("wallet", "list", "--keystore-dir", _dir);
        var json = await CliRun.Of("wallet", "list", "--keystore-dir", _dir, "--json");
        var chosen = await CliRun.Of("wallet", "show", "--from", "broken", "--keystore-dir", _dir);

        Assert.That(list.Out, Does.Match(@"broken\s+corrupt: not JSON\s"));
        Assert.That(json.Json.EnumerateArray().Select(w => w.TryGetProperty("corrupt", out var c) ? c.GetString() : "ok"), Is.EqualTo(new[] { "ok", "not JSON" }));
        Assert.That(chosen.ExitCode, Is.EqualTo(1));
        Assert.That(chosen.Error.Trim(), Is.EqualTo($"error: wallet broken: {Path.Combine(_dir, "broken.json")} is not a usable keystore (not JSON)"));
    }

    [Test]
    public async Task AKeyGivenInPlaceOfItsFileIsNeverEchoed()
    {
        const string key = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

        var asFile = await CliRun.With(new ScriptedInput(true, Password, Password), "wallet", "import", "--private-key-file", "0x" + key, "--keystore-dir", _dir);
        var asArgument = await CliRun.Of("wallet", "import", key, "--keystore-dir", _dir);

        Assert.That(asFile.ExitCode, Is.EqualTo(2));
        Assert.That(asFile.Error, Does.Contain("--private-key-file takes the name of a file holding the key, not the key itself (not shown)"));
        Assert.That(asArgument.ExitCode, Is.EqualTo(2));
        Assert.That(asArgument.Error, Does.Contain("<64 hex digits, not shown>"));
        Assert.That(asFile.Error + asArgument.Error, Does.Not.Contain(key).IgnoreCase);
    }

    [Test]
    public async Task AShortNewPasswordSavesNothing()
    {
        var run = await CliRun.With(new ScriptedInput(true, "short", "short"), "wallet", "new", "--scrypt-n", "1024", "--keystore-dir", _dir);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.Trim(), Is.EqualTo("error: the password has 5 characters; a wallet password needs at least 8, nothing was saved"));
        Assert.That(Directory.Exists(_dir), Is.False);
    }

    private async Task<string> New(string name)
    {
        var run = await CliRun.With(new ScriptedInput(true, Password, Password), "wallet", "new", "--name", name, "--scrypt-n", "1024", "--keystore-dir", _dir, "--json");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        return run.Json.GetProperty("address").GetString()!;
    }
}
