package dev.dumplens.cli;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.progress.ProgressMonitor;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads a command's FILE arguments: each file is parsed on its own, so a bad one does not stop the others. A file
 * that is not a readable thread dump gives a one-line message naming it (exit code 2); an unexpected failure gives
 * exit code 1 and a request to report it, never a stack trace.
 */
final class DumpInputs {

    private DumpInputs() { }

    /**
     * A file read: its dumps, or why it could not be used.
     *
     * @param file     the argument as given
     * @param result   the parsed file, or {@code null} when it failed
     * @param error    the one-line message when it failed, else {@code null}
     * @param exitCode {@link Cli#EXIT_OK}, {@link Cli#EXIT_INPUT} or 1
     */
    record Read(String file, ParseResult result, String error, int exitCode) {
        boolean failed() { return result == null; }
    }

    /** Parses {@code file}; a file without any dump is a failure (its parser warnings go to stderr first). */
    static Read read(String file) {
        ParseResult result;
        try {
            result = Formats.parse(Path.of(file), file, ProgressMonitor.NONE);
        } catch (DumpParseException e) {
            return failed(file, e.userMessage(), Cli.EXIT_INPUT);
        } catch (InvalidPathException e) {
            return failed(file, file + ": not a valid file name", Cli.EXIT_INPUT);
        } catch (RuntimeException e) {
            return failed(file, file + ": internal error while reading it (please report): " + e, 1);
        }
        if (result.dumps().isEmpty()) {
            for (ParseWarning w : result.warnings()) System.err.println(w);
            return failed(file, file + ": no thread dump found", Cli.EXIT_INPUT);
        }
        return new Read(file, result, null, Cli.EXIT_OK);
    }

    private static Read failed(String file, String message, int code) {
        return new Read(file, null, message, code);
    }
}
