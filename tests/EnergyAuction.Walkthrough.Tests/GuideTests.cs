namespace EnergyAuction.Walkthrough.Tests;

/// <summary>How README text becomes the walkthrough's commands: only the named sections' sh blocks, continued lines
/// joined, comment lines skipped, "→" expectations read from the trailing comment.</summary>
public sealed class GuideTests
{
    private const string Readme = """
        # Title

        ## Guide: one

        ```sh
        # a comment line is not a command
        energy deploy --from operator \
            --out x.json                 # writes x.json → deployed the market
        echo '#not a comment'
        ```

        ```
        not a sh block
        ```

        ## Other

        ```sh
        rm -rf /
        ```
        """;

    [Test]
    public void Only_the_named_sections_sh_blocks_become_commands_with_continuations_joined()
    {
        var commands = Guide.Commands(Readme, "Guide: one");

        Assert.That(commands.Select(c => c.Text), Is.EqualTo(new[]
        {
            "energy deploy --from operator     --out x.json                 # writes x.json → deployed the market",
            "echo '#not a comment'",
        }));
    }

    [Test]
    public void The_text_after_the_arrow_in_a_trailing_comment_is_the_expected_output()
    {
        var commands = Guide.Commands(Readme, "Guide: one");

        Assert.That(commands.Select(c => c.Expected), Is.EqualTo(new[] { "deployed the market", null }));
    }

    [Test]
    public void A_missing_section_is_an_error_not_an_empty_walkthrough()
    {
        Assert.That(() => Guide.Commands(Readme, "Guide: two"), Throws.InvalidOperationException.With.Message.Contains("Guide: two"));
    }
}
