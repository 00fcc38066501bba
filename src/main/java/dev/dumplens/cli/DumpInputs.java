package dev.dumplens.cli;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.Formats;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.progress.CancelledException;
import dev.dumplens.progress.ProgressMonitor;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads a command's FILE arguments: each file is parsed on its own, so a bad one does not stop the others. A file
 * that is not a readable thread dump gives a one-line message naming it (exit code 2); an unexpected failure gives
 * exit code 1 and a request to report it, never a stack trace.
 * <p>The first input of a thread-dump command can be {@linkplain #prefetch prefetched}: parsed on a background
 * thread while the command line is still being built (a cold picocli takes about a tenth of a second, and the
 * parser has cores to spare meanwhile). {@link #read} then takes that parse instead of starting one; output and
 * messages are the same either way.
 */
final class DumpInputs {
    /** The parse started by {@link #prefetch}, until {@link #read} takes it; else null. */
    private static Prefetch prefetched;

    private DumpInputs() { }

    /**
     * Starts parsing, on a daemon thread, the first argument after the command that names an existing file
     * (options and missing files are skipped; a wrong guess is cancelled and costs only some CPU). Cancels an
     * earlier prefetch that was not taken.
     */
    static synchronized void prefetch(String[] args) {
        cancelPrefetch();
        for (int i = 1; i < args.length && prefetched == null; i++) {
            if (!args[i].startsWith("-") && new File(args[i]).isFile()) {
                Prefetch p = new Prefetch(args[i]);
                Thread t = new Thread(p, "dumplens-prefetch");
                t.setDaemon(true);
                t.start();
                prefetched = p;
            }
        }
    }

    /** Cancels the prefetched parse if it was not taken (the command ended without reading its file). */
    static synchronized void cancelPrefetch() {
        if (prefetched != null) prefetched.cancelled = true;
        prefetched = null;
    }

    /** Takes the prefetched parse if it is of {@code file}; cancels any other. */
    private static synchronized Prefetch take(String file) {
        Prefetch p = prefetched;
        if (p != null && p.file.equals(file)) {
            prefetched = null;
            return p;
        }
        cancelPrefetch();
        return null;
    }

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
        Prefetch p = take(file);
        ParseResult result;
        try {
            result = p != null ? p.result() : parse(file, ProgressMonitor.NONE);
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

    private static ParseResult parse(String file, ProgressMonitor progress) throws DumpParseException {
        return Formats.parse(Path.of(file), file, progress);
    }

    /**
     * A parse running in the background, cancelled through its progress monitor. A class rather than a lambda:
     * it starts before anything else, and the first lambda of a JVM costs a noticeable bootstrap.
     */
    private static final class Prefetch implements Callable<ParseResult>, Runnable, ProgressMonitor {
        final String file;
        volatile boolean cancelled;
        private final FutureTask<ParseResult> task = new FutureTask<>(this);

        Prefetch(String file) { this.file = file; }

        @Override public ParseResult call() throws DumpParseException { return parse(file, this); }

        @Override public void run() { task.run(); }

        /** Waits for the parse; throws what it threw. */
        ParseResult result() throws DumpParseException {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof DumpParseException d) throw d;
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            }
        }

        @Override public void phase(String name, long totalWork) { }

        @Override public void worked(long done) { }

        @Override public boolean isCancelled() { return cancelled; }
    }
}
