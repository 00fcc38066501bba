package dev.dumplens.formats.go;

import dev.dumplens.formats.DumpFormat;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.model.ParseResult;
import dev.dumplens.progress.ProgressMonitor;

/**
 * Go goroutine tracebacks: {@code /debug/pprof/goroutine?debug=2} (and {@code runtime.Stack(buf, true)}), the
 * output of a panic or fatal error ({@code fatal error: all goroutines are asleep - deadlock!}), and the dump a
 * Go program prints on SIGQUIT ({@code kill -QUIT}, with runtime frames, {@code fp= sp= pc=}, goroutine 0 and
 * a register dump), also inside a log. Go 1.19 to current forms are read: {@code created by f} and
 * {@code created by f in goroutine N}, {@code ...additional frames elided...} and {@code ...N frames elided...},
 * headers with {@code N minutes} and {@code locked to thread}.
 * <p>
 * Each goroutine becomes a {@link dev.dumplens.model.DumpThread} named {@code goroutine N} with the goroutine id
 * as {@code javaId}; its wait reason is {@code stateDetail}, the whole bracket {@code headerStatus}, the state
 * comes from {@link dev.dumplens.model.GoWaitCategory}; frames read {@code function(file:line)} with the
 * arguments in {@code callArgs}, and the {@code created by} entry is the last frame. A goroutine blocked in a
 * {@code sync} call or channel operation whose object address is printed parks on a lock named after that
 * address ({@code sync.Mutex}, {@code sync.WaitGroup}, {@code sync.Cond}, {@code chan}). What ended the process
 * ({@code panic: …}, {@code fatal error: …}, {@code SIGQUIT: quit}) is the dump's {@code fatalError}; a new
 * fatal error after goroutines starts a new dump (a log of several crashes), and so does a goroutine id seen
 * before (several captures appended to one file).
 */
public final class GoTracebackFormat implements DumpFormat {
    public static final String ID = "go-goroutine-debug2";

    private static final int SNIFF_BYTES = 64 * 1024;

    @Override public String id() { return ID; }

    @Override public String displayName() { return "Go goroutine traceback (pprof debug=2, panic, SIGQUIT)"; }

    /** 90 when a goroutine header starts a line in the first 64 KiB, else 0. */
    @Override public int sniff(DumpText text) {
        String head = text.head(SNIFF_BYTES);
        int from = 0;
        while (from < head.length()) {
            int nl = head.indexOf('\n', from);
            int to = nl < 0 ? head.length() : nl;
            if (head.startsWith("goroutine ", from)
                    && TracebackReader.HEADER.matcher(head.substring(from, to)).matches()) {
                return 90;
            }
            from = to + 1;
        }
        return 0;
    }

    @Override public ParseResult parse(DumpText text, ProgressMonitor progress) throws DumpParseException {
        return new TracebackReader(text, progress).read();
    }
}
