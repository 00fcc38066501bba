package dev.dumplens;

import dev.dumplens.cli.Cli;

/**
 * Entry point of {@code dumplens.jar}. Deliberately not a {@code javafx.application.Application}: a plain jar
 * cannot start one as its main class. With a subcommand it runs headless; otherwise it opens the desktop window
 * with the given files.
 */
public final class Launcher {
    private Launcher() { }

    public static void main(String[] args) {
        if (Cli.isCommand(args)) {
            System.exit(Cli.run(args));
        }
        dev.dumplens.ui.DesktopApp.start(args);
    }
}
