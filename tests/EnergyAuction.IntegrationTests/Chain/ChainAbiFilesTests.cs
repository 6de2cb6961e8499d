using System.Text.Json.Nodes;
using EnergyAuction.Chain;
using EnergyAuction.Devnet;

namespace EnergyAuction.IntegrationTests.Chain;

/// <summary>The ABIs embedded in EnergyAuction.Chain must be the ones Hardhat compiles from contracts/ today.</summary>
public sealed class ChainAbiFilesTests
{
    private static IEnumerable<string> Contracts => ChainAbis.Names;

    [TestCaseSource(nameof(Contracts))]
    public void Embedded_abi_equals_the_compiled_artifact(string contract)
    {
        var artifact = JsonNode.Parse(File.ReadAllText(ArtifactPath(contract)))!["abi"];
        var embedded = JsonNode.Parse(ChainAbis.Json(contract));
        Assert.That(JsonNode.DeepEquals(artifact, embedded), Is.True,
            $"src/EnergyAuction.Chain/Abi/{contract}.json differs from the compiled artifact; run scripts/codegen.sh and commit the result");
    }

    // The Chainlink contracts' artifacts live under artifacts/@chainlink/, which RepoPaths.Artifact does not search.
    private static string ArtifactPath(string contract)
    {
        var found = Directory.Exists(RepoPaths.ArtifactsDir)
            ? Directory.EnumerateFiles(RepoPaths.ArtifactsDir, contract + ".json", SearchOption.AllDirectories)
                .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}build-info{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList()
            : [];
        Assert.That(found, Has.Count.EqualTo(1), $"expected one artifact {contract}.json under {RepoPaths.ArtifactsDir}; run `npx hardhat compile`");
        return found[0];
    }
}
