package dev.dumplens.formats.go;

import dev.dumplens.formats.DumpFormat;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.model.ParseResult;
import dev.dumplens.progress.ProgressMonitor;

/**
 * The aggregated Go goroutine profile of {@code /debug/pprof/goroutine?debug=1}: a
 * {@code goroutine profile: total N} line, then records {@code N @ 0x… 0x…} each followed by its symbolized
 * frames {@code #\t0x…\tpkg.func+0x…\tfile.go:line} (and {@code # labels: …} when pprof labels are set).
 * <p>
 * Each record stands for N goroutines with that stack: it becomes N {@link dev.dumplens.model.DumpThread}s that
 * share its frames, so that counts, grouping and comparison treat them like the goroutines of a {@code debug=2}
 * dump. The profile prints no goroutine ids: every entry is named {@value #GOROUTINE_NAME}, without id (so no
 * entry is taken for a particular goroutine of another dump). It prints no wait reasons either and hides runtime
 * frames: {@code stateDetail} is empty and the state comes from the frames where they tell ({@code time.Sleep},
 * {@code sync.(*Mutex).Lock}, … see {@link dev.dumplens.model.GoWaitCategory}), else it is {@code NONE}. Frames
 * read {@code function(file:line)} like those of {@link GoTracebackFormat}; records have no {@code created by}
 * entry. Several profiles in one file are several dumps.
 */
public final class GoProfileFormat implements DumpFormat {
    public static final String ID = "go-goroutine-debug1";
    /** The name of every goroutine of a profile. */
    public static final String GOROUTINE_NAME = "goroutine (profile record, no id)";

    private static final int SNIFF_BYTES = 4096;

    @Override public String id() { return ID; }

    @Override public String displayName() { return "Go goroutine profile (pprof debug=1)"; }

    /** 95 when the first non-blank line is {@code goroutine profile: total N}, 40 when such a line comes later. */
    @Override public int sniff(DumpText text) {
        String head = text.head(SNIFF_BYTES).stripLeading();
        int nl = head.indexOf('\n');
        String first = nl < 0 ? head : head.substring(0, nl);
        if (ProfileReader.TOTAL.matcher(first).matches()) return 95;
        return head.contains("\ngoroutine profile: total ") ? 40 : 0;
    }

    @Override public ParseResult parse(DumpText text, ProgressMonitor progress) throws DumpParseException {
        return new ProfileReader(text, progress).read();
    }
}
