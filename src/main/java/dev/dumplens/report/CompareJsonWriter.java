package dev.dumplens.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dumplens.analysis.compare.ComparedDump;
import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.analysis.compare.GroupTrend;
import dev.dumplens.analysis.compare.LockTrend;
import dev.dumplens.analysis.compare.Suspect;
import dev.dumplens.analysis.compare.ThreadTrack;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The {@code compare --json} document:
 * <pre>
 * {"similarity", "timeSource",
 *  "dumps":    [ {"file", "index", "label", "timestamp", "format", "threadCount", "ignoredThreads",
 *                 "secondsFromFirst", "uptimeSeconds"} ],
 *  "warnings": [ "…" ],
 *  "groups":   [ {"id", "key", "state", "nameTemplate", "label", "frames", "counts", "trend", "growthPerDump",
 *                 "growthPerMinute"} ],
 *  "locks":    [ {"className", "kind", "owner", "waiters", "trend"} ],
 *  "suspects": [ {"rank", "kind", "summary", "explanation", "nameTemplate", "group", "lockClassName", "counts",
 *                 "cpuMillis" (spinning threads only), "threads", "frames"} ],
 *  "errors":   [ {"file", "message"} ] }
 * </pre>
 * Unknown numbers and absent references are {@code null}; {@code group} is the id of an entry of "groups".
 */
public final class CompareJsonWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private CompareJsonWriter() { }

    /**
     * Writes the document for {@code comparison} (or {@code null} when no dump could be read) and the files that
     * could not be read ({@code file → message}); does not close {@code out}.
     */
    public static void write(Comparison comparison, Map<String, String> errors, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            if (comparison != null) {
                json.writeStringField("similarity", comparison.options().similarity().toString());
                json.writeStringField("timeSource", comparison.timeline().source());
                writeDumps(comparison, json);
                strings(json, "warnings", comparison.warnings());
                writeGroups(comparison.groups(), json);
                writeLocks(comparison.locks(), json);
                writeSuspects(comparison.suspects(), json);
            }
            json.writeArrayFieldStart("errors");
            for (Map.Entry<String, String> e : errors.entrySet()) {
                json.writeStartObject();
                json.writeStringField("file", e.getKey());
                json.writeStringField("message", e.getValue());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void writeDumps(Comparison c, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("dumps");
        List<ComparedDump> dumps = c.dumps();
        for (int i = 0; i < dumps.size(); i++) {
            ComparedDump cd = dumps.get(i);
            ThreadDump d = cd.original();
            json.writeStartObject();
            json.writeStringField("file", d.source());
            json.writeNumberField("index", d.index());
            json.writeStringField("label", cd.label());
            json.writeStringField("timestamp", timestamp(d));
            json.writeStringField("format", d.format());
            json.writeNumberField("threadCount", cd.threadCount());
            json.writeNumberField("ignoredThreads", cd.ignoredThreads());
            number(json, "secondsFromFirst", c.timeline().offsetSeconds(i));
            number(json, "uptimeSeconds", c.timeline().uptimeSeconds(i));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeGroups(List<GroupTrend> groups, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("groups");
        for (GroupTrend g : groups) {
            json.writeStartObject();
            json.writeStringField("id", g.id());
            json.writeStringField("key", g.key());
            json.writeStringField("state", g.state().name());
            json.writeStringField("nameTemplate", g.nameTemplate());
            json.writeStringField("label", g.label());
            frames(json, g.frames());
            ints(json, "counts", g.counts());
            json.writeStringField("trend", g.trend().label());
            json.writeNumberField("growthPerDump", g.growthPerDump());
            number(json, "growthPerMinute", g.growthPerMinute());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeLocks(List<LockTrend> locks, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("locks");
        for (LockTrend l : locks) {
            json.writeStartObject();
            json.writeStringField("className", l.className());
            json.writeStringField("kind", AnalyzeJsonWriter.kindName(l.kind()));
            json.writeStringField("owner", l.owner().name());
            ints(json, "waiters", l.waiters());
            json.writeStringField("trend", l.trend().label());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeSuspects(List<Suspect> suspects, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("suspects");
        int rank = 1;
        for (Suspect s : suspects) {
            json.writeStartObject();
            json.writeNumberField("rank", rank++);
            json.writeStringField("kind", s.kind().label());
            json.writeStringField("summary", s.summary());
            json.writeStringField("explanation", s.explanation());
            json.writeStringField("nameTemplate", s.nameTemplate());
            json.writeStringField("group", s.group() == null ? null : s.group().id());
            json.writeStringField("lockClassName", s.lockClassName());
            ints(json, "counts", s.counts());
            if (!s.cpuMillis().isEmpty()) {
                json.writeArrayFieldStart("cpuMillis");
                for (double cpu : s.cpuMillis()) json.writeNumber(cpu);
                json.writeEndArray();
            }
            strings(json, "threads", s.threads().stream().map(ThreadTrack::name).toList());
            frames(json, s.frames());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** The dump's timestamp as {@code 2026-11-26T19:45:00} (seconds always shown), or {@code null}. */
    static String timestamp(ThreadDump d) {
        return d.timestamp() == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(d.timestamp());
    }

    private static void frames(JsonGenerator json, List<StackFrame> frames) throws IOException {
        strings(json, "frames", frames.stream().map(StackFrame::text).toList());
    }

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String v : values) json.writeString(v);
        json.writeEndArray();
    }

    private static void ints(JsonGenerator json, String field, List<Integer> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (int v : values) json.writeNumber(v);
        json.writeEndArray();
    }

    private static void number(JsonGenerator json, String field, Double value) throws IOException {
        if (value == null) json.writeNullField(field);
        else json.writeNumberField(field, Math.round(value * 1000) / 1000.0);
    }
}
