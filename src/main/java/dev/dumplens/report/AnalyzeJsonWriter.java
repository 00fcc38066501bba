package dev.dumplens.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dumplens.analysis.Deadlock;
import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.GoroutineWaits;
import dev.dumplens.analysis.LockGraph;
import dev.dumplens.analysis.LockInfo;
import dev.dumplens.analysis.StackGroup;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Streams the {@code analyze --json} document, one dump at a time, so that memory stays flat however many
 * threads the dumps hold:
 * <pre>
 * {"dumps": [ {"file", "index", "timestamp", "format", "similarity", "threadCount", "virtualThreadCount",
 *              "fatalError", "states", "groups", "locks", "deadlocks", "warnings"} ],
 *  "errors": [ {"file", "message"} ] }
 * </pre>
 * {@code fatalError} is there when the dump states one (Go's {@code fatal error: …}, {@code panic: …}, a javacore's
 * dump event). Groups of goroutines also carry {@code label} (first own function and creator,
 * {@code main.handleOrder (created by main.leak)}), {@code waitReason} (as printed, "" in a debug=1 profile),
 * {@code waitCategory} ({@link dev.dumplens.model.GoWaitCategory#label()}) and, when their headers print how long
 * they have been blocked, {@code waitMinutes}: {@code {"goroutines", "min", "max"}}.
 * Call {@link #write} per dump, {@link #error} per unreadable file, then {@link #close} (which does not close
 * the underlying stream). A dump's object can also be {@linkplain #render rendered} on its own (on any thread,
 * e.g. while other dumps are still being analyzed) and then {@linkplain #writeRendered written} in order: the
 * document is the same byte for byte.
 */
public final class AnalyzeJsonWriter implements AutoCloseable {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final OutputStream out;
    private final JsonGenerator json;
    private final List<String[]> errors = new ArrayList<>();
    private int dumpsWritten;

    public AnalyzeJsonWriter(OutputStream out) throws IOException {
        this.out = out;
        json = generator(out);
        json.writeStartObject();
        json.writeArrayFieldStart("dumps");
    }

    /** A writer of one dump's object alone (see {@link #render}). */
    private AnalyzeJsonWriter(JsonGenerator json) {
        this.out = null;
        this.json = json;
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    /** Writes one dump's analysis. */
    public void write(DumpAnalysis a) throws IOException {
        writeRendered(render(a));
    }

    /** The JSON object of one dump's analysis, as {@link #write} puts it into the document (UTF-8). */
    public static byte[] render(DumpAnalysis a) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator g = generator(bytes)) {
            new AnalyzeJsonWriter(g).writeDump(a);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the bytes are written to memory
        }
        return bytes.toByteArray();
    }

    /** Writes a dump's object made by {@link #render}, as the next element of "dumps". */
    public void writeRendered(byte[] dump) throws IOException {
        if (dumpsWritten++ > 0) json.writeRaw(',');
        json.flush();
        out.write(dump);
        out.flush();
    }

    private void writeDump(DumpAnalysis a) throws IOException {
        ThreadDump d = a.dump();
        json.writeStartObject();
        json.writeStringField("file", d.source());
        json.writeNumberField("index", d.index());
        json.writeStringField("timestamp", d.timestamp() == null ? null : d.timestamp().toString());
        json.writeStringField("format", d.format());
        json.writeStringField("similarity", a.similarity().toString());
        json.writeNumberField("threadCount", a.threadCount());
        json.writeNumberField("virtualThreadCount", a.virtualThreadCount());
        if (d.fatalError() != null) json.writeStringField("fatalError", d.fatalError());
        json.writeObjectFieldStart("states");
        for (var e : a.stateCounts().entrySet()) json.writeNumberField(e.getKey().name(), e.getValue());
        json.writeEndObject();
        writeGroups(a.groups());
        writeLocks(a.locks());
        writeDeadlocks(a.deadlocks());
        json.writeArrayFieldStart("warnings");
        for (ParseWarning w : a.warnings()) json.writeString(w.toString());
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Records a file that could not be analyzed; listed under "errors" when the document is closed. */
    public void error(String file, String message) {
        errors.add(new String[] {file, message});
    }

    private void writeGroups(List<StackGroup> groups) throws IOException {
        json.writeArrayFieldStart("groups");
        for (StackGroup g : groups) {
            json.writeStartObject();
            json.writeStringField("key", g.key());
            json.writeNumberField("size", g.size());
            json.writeStringField("state", g.state().name());
            json.writeStringField("nameTemplate", g.nameTemplate());
            writeGoWait(GoroutineWaits.of(g));
            json.writeArrayFieldStart("frames");
            for (StackFrame f : g.frames()) json.writeString(f.text());
            json.writeEndArray();
            writeNames("threads", g.threads());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeGoWait(GoroutineWaits w) throws IOException {
        if (w == null) return;
        json.writeStringField("label", w.label());
        json.writeStringField("waitReason", w.group().threads().get(0).stateDetail());
        json.writeStringField("waitCategory", w.category().label());
        if (w.withMinutes() == 0) return;
        json.writeObjectFieldStart("waitMinutes");
        json.writeNumberField("goroutines", w.withMinutes());
        json.writeNumberField("min", w.minMinutes());
        json.writeNumberField("max", w.maxMinutes());
        json.writeEndObject();
    }

    private void writeLocks(LockGraph graph) throws IOException {
        json.writeArrayFieldStart("locks");
        for (LockInfo l : graph.locks()) {
            json.writeStartObject();
            json.writeStringField("id", l.id());
            json.writeStringField("className", l.className());
            json.writeStringField("kind", kindName(l.kind()));
            json.writeStringField("owner", l.owner() == null ? null : l.owner().name());
            json.writeStringField("ownerStatus", l.ownerStatus().name().toLowerCase(Locale.ROOT));
            if (!l.ownerNote().isEmpty()) json.writeStringField("ownerNote", l.ownerNote());
            LockInfo next = l.owner() == null ? null : graph.waitsFor(l.owner());
            json.writeStringField("ownerWaitsFor", next == null ? null : next.id());
            writeNames("blocked", l.blocked());
            writeNames("waiting", l.waiting());
            writeNames("parked", l.parked());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeDeadlocks(List<Deadlock> deadlocks) throws IOException {
        json.writeArrayFieldStart("deadlocks");
        for (Deadlock d : deadlocks) {
            json.writeStartObject();
            writeNames("threads", d.threads());
            json.writeArrayFieldStart("locks");
            for (LockInfo l : d.locks()) json.writeString(l.id());
            json.writeEndArray();
            json.writeBooleanField("reportedByJvm", d.reportedByJvm());
            json.writeBooleanField("classInit", d.involvesClassInit());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void writeNames(String field, List<DumpThread> threads) throws IOException {
        json.writeArrayFieldStart(field);
        for (DumpThread t : threads) json.writeString(t.name());
        json.writeEndArray();
    }

    /** "monitor", "synchronizer" or "class-init". */
    static String kindName(LockInfo.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Ends the document: closes "dumps", writes "errors", flushes. */
    @Override public void close() throws IOException {
        json.writeEndArray();
        json.writeArrayFieldStart("errors");
        for (String[] e : errors) {
            json.writeStartObject();
            json.writeStringField("file", e[0]);
            json.writeStringField("message", e[1]);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        json.close();
    }
}
