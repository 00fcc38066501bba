package dev.dumplens;

import dev.dumplens.cli.Cli;
import dev.dumplens.cli.TunedJvm;

import java.util.OptionalInt;

/**
 * Entry point of {@code dumplens.jar}. Deliberately not a {@code javafx.application.Application}: a plain jar
 * cannot start one as its main class. With a subcommand it runs headless (an analysis command of a plain
 * {@code java -jar} run goes to a tuned child JVM, see {@link TunedJvm}); otherwise it opens the desktop window
 * with the given files.
 */
public final class Launcher {
    private Launcher() { }

    public static void main(String[] args) {
        OptionalInt child = TunedJvm.relaunch(args); // first: the parent of a re-launch loads nothing else
        if (child.isPresent()) System.exit(child.getAsInt());
        if (Cli.isCommand(args)) System.exit(Cli.run(args));
        dev.dumplens.ui.DesktopApp.start(args);
    }
}
