package dev.dumplens.formats.javacore;

import dev.dumplens.formats.DumpFormat;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.model.ParseResult;
import dev.dumplens.progress.ProgressMonitor;

/**
 * IBM J9 / Eclipse OpenJ9 javacores ({@code javacore.YYYYMMDD.HHMMSS.PID.NNNN.txt}): tag-prefixed lines in
 * sections ({@code 0SECTION TITLE}, {@code ENVINFO}, {@code LOCKS}, {@code THREADS}, …).
 * <p>
 * Read: the dump time ({@code 1TIDATETIME}), the declared encoding ({@code 1TICHARSET}, e.g. {@code 1252} on
 * Windows: names and frames are decoded with it), what triggered the dump ({@code 1TISIGINFO}), the JRE
 * ({@code 1CIJAVAVERSION}, the dump's {@code vmBanner}) and process id; every thread entry
 * ({@code 3XMTHREADINFO}, also "Anonymous native thread") with its Java id and daemon flag
 * ({@code 3XMJAVALTHREAD}), native id and priority ({@code 3XMTHREADINFO1}), cpu time ({@code 3XMCPUTIME}), what
 * it is blocked, waiting or parked on and who owns that ({@code 3XMTHREADBLOCK}), its Java frames
 * ({@code 4XESTACKTRACE}) and the monitors each frame entered ({@code 5XESTACKTRACE}); monitor owners from the
 * LOCKS section ({@code 3LKMONOBJECT … owner "…"} or {@code Flat locked by "…"}); and the JVM's deadlock report
 * ({@code 2LKDEADLOCKTHR}). Sections that are not about threads (MEMINFO, CLASSES, NATIVEMEMINFO, GPINFO, HOOK)
 * are skipped by their tag prefix without being decoded. See {@link JavacoreReader} for how states and frames
 * are mapped onto the model.
 */
public final class JavacoreFormat implements DumpFormat {
    public static final String ID = "openj9-javacore";

    private static final int SNIFF_BYTES = 8192;

    @Override public String id() { return ID; }

    @Override public String displayName() { return "IBM / OpenJ9 javacore"; }

    /** 95 when the file starts with the TITLE section, 70 when a {@code 3XMTHREADINFO} line is near the start. */
    @Override public int sniff(DumpText text) {
        String head = text.head(SNIFF_BYTES);
        String start = head.stripLeading();
        if (start.startsWith("0SECTION") && head.contains("1TISIGINFO")) return 95;
        if (start.startsWith("0SECTION       TITLE")) return 95;
        return head.contains("\n3XMTHREADINFO ") ? 70 : 0;
    }

    @Override public ParseResult parse(DumpText text, ProgressMonitor progress) throws DumpParseException {
        return new JavacoreReader(text, progress).read();
    }
}
