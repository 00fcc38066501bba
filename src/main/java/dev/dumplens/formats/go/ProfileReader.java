package dev.dumplens.formats.go;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.formats.TextLines;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.GoWaitCategory;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code debug=1} goroutine profiles (see {@link GoProfileFormat}). One instance per file.
 */
final class ProfileReader {
    static final Pattern TOTAL = Pattern.compile("goroutine profile: total (\\d{1,18})\\s*");
    private static final Pattern RECORD = Pattern.compile("(\\d{1,9}) @(?: 0x\\p{XDigit}+)*\\s*");
    /** {@code #\t0x6a6b44\tmain.handleOrder+0x24\t/src/app/main.go:30}: tab-separated, tabs may repeat. */
    private static final Pattern FRAME = Pattern.compile("#\\t+0x\\p{XDigit}+\\t+(.+?)\\+0x\\p{XDigit}+\\t+(.*?)\\s*");

    private final DumpText text;
    private final ProgressMonitor progress;
    private final TextLines lines;
    private final GoDumps dumps;
    private final GoStacks stacks = new GoStacks();

    private long total = -1;
    private long profileLine;
    private int recordCount;
    private long recordLine;
    private final List<StackFrame> frames = new ArrayList<>();

    ProfileReader(DumpText text, ProgressMonitor progress) {
        this.text = text;
        this.progress = progress;
        this.lines = new TextLines(text);
        this.dumps = new GoDumps(text.source(), GoProfileFormat.ID);
    }

    ParseResult read() throws DumpParseException {
        progress.phase("Reading " + text.source(), text.length());
        while (lines.next(progress)) {
            readLine(lines.text());
        }
        if (recordCount > 0) {
            if (!lines.terminated()) {
                dumps.warnFile(ParseWarning.atLine(text.source(), lines.number(),
                        "the file ends inside a record: truncated? its stack may be incomplete"));
            }
            finishRecord();
        }
        finishProfile();
        if (dumps.isEmpty()) {
            throw new DumpParseException(text.source(), 1, -1,
                    "no goroutine found (expected \"goroutine profile: total N\" and records \"N @ 0x…\")");
        }
        return dumps.result();
    }

    private void readLine(String line) {
        Matcher m = TOTAL.matcher(line);
        if (m.matches()) {
            finishRecord();
            finishProfile();
            dumps.start(lines.number());
            profileLine = lines.number();
            total = Long.parseLong(m.group(1));
            return;
        }
        if (!dumps.open()) return; // text before the first profile
        if (line.isBlank()) {
            finishRecord();
        } else if ((m = RECORD.matcher(line)).matches()) {
            finishRecord();
            recordCount = Integer.parseInt(m.group(1));
            recordLine = lines.number();
        } else if (recordCount > 0 && (m = FRAME.matcher(line)).matches()) {
            frames.add(stacks.frame(m.group(1), m.group(2)));
        } else if (!line.startsWith("# labels:")) {
            dumps.warn(lines.number(), "unrecognized line: " + GoDumps.abbreviate(line));
        }
    }

    /** A record is {@code count} goroutines with one stack: one entry each, sharing the frames. */
    private void finishRecord() {
        if (recordCount == 0) return;
        ThreadState state = GoWaitCategory.of("", frames).threadState(); // the profile prints no wait reasons
        List<StackFrame> shared = List.copyOf(frames);
        for (int k = 1; k <= recordCount; k++) {
            DumpThread.Builder b = DumpThread.builder(GoProfileFormat.GOROUTINE_NAME);
            b.line = recordLine;
            b.state = state;
            b.frames.addAll(shared);
            dumps.add(b.build());
        }
        frames.clear();
        recordCount = 0;
    }

    private void finishProfile() {
        if (dumps.open() && total >= 0 && dumps.size() != total) {
            dumps.warn(profileLine, "the profile says total " + total + " but its records hold " + dumps.size() + " goroutines");
        }
        dumps.finish();
        total = -1;
    }
}
