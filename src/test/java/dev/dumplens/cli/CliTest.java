package dev.dumplens.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Cli#isCommand}: which arguments run headless and which open the desktop window. */
class CliTest {

    @Test
    void everyRegisteredSubcommandAndTheStandardOptionsAreCommands() {
        for (String name : Cli.commandLine().getSubcommands().keySet()) {
            assertThat(Cli.isCommand(new String[] {name, "x"})).as(name).isTrue();
        }
        assertThat(Cli.commandLine().getSubcommands()).containsKeys("analyze", "compare", "help");
        for (String option : new String[] {"-h", "--help", "-V", "--version"}) {
            assertThat(Cli.isCommand(new String[] {option})).as(option).isTrue();
        }
    }

    @Test
    void filesAndNoArgumentsOpenTheWindow() {
        assertThat(Cli.isCommand(new String[0])).isFalse();
        assertThat(Cli.isCommand(new String[] {"dump.txt"})).isFalse();
        assertThat(Cli.isCommand(new String[] {"analyze.txt", "analyze"})).isFalse();
    }
}
