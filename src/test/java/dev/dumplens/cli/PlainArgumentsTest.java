package dev.dumplens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code analyze [--json] FILE...} runs without picocli ({@link AnalyzeCommand#ofPlainArguments}): the output,
 * messages and exit code are those of picocli's command line, on real dumps and on bad input; every other form
 * goes to picocli.
 */
class PlainArgumentsTest {
    private static final String LOG = "sample-dumps/leak-jdk17-kill3.log";
    private static final String JSTACK = "sample-dumps/deadlocks-jdk17-jstack-l.txt";

    @Test
    void plainFormsGiveWhatPicocliGives(@TempDir Path dir) throws Exception {
        String bad = Files.writeString(dir.resolve("notes.txt"), "no dump in here\n").toString();
        String missing = dir.resolve("missing.txt").toString();
        String[][] forms = {
                {"analyze", "--json", LOG},
                {"analyze", JSTACK, "--json", bad, LOG},
                {"analyze", LOG, JSTACK},
                {"analyze", missing, JSTACK},
        };
        for (String[] args : forms) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            assertThat(AnalyzeCommand.ofPlainArguments(rest)).as(String.join(" ", args)).isNotNull();
            CliRun plain = CliRun.of(args);
            CliRun picocli = CliRun.picocli(args);
            assertThat(plain).as(String.join(" ", args)).isEqualTo(picocli);
            assertThat(plain.out()).isNotEmpty();
        }
        assertThat(CliRun.of("analyze", bad).exit()).isEqualTo(Cli.EXIT_INPUT);
    }

    @Test
    void everyOtherFormGoesToPicocli() {
        for (String[] rest : new String[][] {{}, {"--json"}, {"--json", "--json", LOG}, {"--similarity", "exact", LOG},
                {"--similarity=exact", LOG}, {"-h"}, {"@args.txt"}, {"--", LOG}, {"", LOG}, {LOG, "-"}}) {
            assertThat(AnalyzeCommand.ofPlainArguments(rest)).as(String.join(" ", rest)).isNull();
        }
        assertThat(CliRun.of("analyze", "--json", "--json", LOG).exit()).isEqualTo(Cli.EXIT_INPUT);
        assertThat(AnalyzeCommand.class.getAnnotation(Command.class).name()).isEqualTo("analyze");
    }
}
