package dev.dumplens.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.StackGroup;
import dev.dumplens.heap.ClassHistogramEntry;
import dev.dumplens.heap.HeapFrame;
import dev.dumplens.heap.HeapLocal;
import dev.dumplens.heap.HeapObject;
import dev.dumplens.heap.HeapSnapshot;
import dev.dumplens.heap.HeapThread;
import dev.dumplens.heap.HeapThreadGroups;
import dev.dumplens.model.ParseWarning;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code heap --json} document:
 * <pre>
 * {"file", "hprofVersion", "idSize", "shallowSizeModel", "objects", "shallowBytes", "unreachableObjects",
 *  "threads": [ {"name", "tid", "daemon", "state", "objectId", "retainedBytes", "groupKey",
 *                "frames": [ {"depth", "frame", "retainedBytes",
 *                             "locals": [ {"className", "objectId", "rootKind", "retainedBytes"} ]} ],
 *                "heldObjects": [ same as locals ]} ],              // largest retained heap first, all threads
 *  "threadGroups": [ {"groupKey", "state", "nameTemplate", "threads", "retainedBytes", "topFrame"} ],
 *  "histogram": [ {"className", "instances", "shallowBytes", "retainedBytes"} ],   // top N by retained
 *  "dominators": [ {"className", "objectId", "shallowBytes", "retainedBytes"} ],   // top N
 *  "threadDumps": [ {"file", "index", "groups": [ {"groupKey", "state", "nameTemplate", "threads",
 *                    "matchedThreads", "retainedBytes", "topFrame"} ]} ],          // with --threads-from
 *  "suspects": [ {"rank", "kind", "summary", "nameTemplate", "threads", "matchedThreads", "retainedBytes"} ],
 *                                                          // with --threads-from and two or more thread dumps
 *  "warnings": [ "file:@offset: message" ] }
 * </pre>
 */
public final class HeapJsonWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private HeapJsonWriter() { }

    /** Writes the document. */
    public static void write(HeapReport report, OutputStream out) throws IOException {
        HeapSnapshot heap = report.heap();
        List<HeapThreadGroups.Group> groups = report.groups();
        int top = report.top();
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("file", heap.source());
            json.writeStringField("hprofVersion", heap.hprofVersion());
            json.writeNumberField("idSize", heap.idSize());
            json.writeStringField("shallowSizeModel", heap.shallowSizeModel().toString());
            json.writeNumberField("objects", heap.objectCount());
            json.writeNumberField("shallowBytes", heap.shallowBytes());
            json.writeNumberField("unreachableObjects", heap.unreachableObjectCount());
            writeThreads(json, heap.threads(), HeapThreadGroups.keys(groups));
            json.writeArrayFieldStart("threadGroups");
            for (HeapThreadGroups.Group g : groups) {
                writeGroup(json, g.group(), g.threads().size(), g.retainedBytes());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("histogram");
            for (ClassHistogramEntry e : report.topClasses()) {
                json.writeStartObject();
                json.writeStringField("className", e.className());
                json.writeNumberField("instances", e.instances());
                json.writeNumberField("shallowBytes", e.shallowBytes());
                json.writeNumberField("retainedBytes", e.retainedBytes());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("dominators");
            for (HeapObject o : heap.topDominators(top)) {
                json.writeStartObject();
                json.writeStringField("className", o.className());
                json.writeStringField("objectId", o.idHex());
                json.writeNumberField("shallowBytes", o.shallowBytes());
                json.writeNumberField("retainedBytes", o.retainedBytes());
                json.writeEndObject();
            }
            json.writeEndArray();
            writeJoins(json, report.joins());
            json.writeArrayFieldStart("suspects");
            int rank = 1;
            for (HeapThreadGroups.JoinedSuspect j : report.suspects()) {
                json.writeStartObject();
                json.writeNumberField("rank", rank++);
                json.writeStringField("kind", j.suspect().kind().label());
                json.writeStringField("summary", j.suspect().summary());
                json.writeStringField("nameTemplate", j.suspect().nameTemplate());
                json.writeNumberField("threads", j.suspect().threads().size());
                json.writeNumberField("matchedThreads", j.matched().size());
                json.writeNumberField("retainedBytes", j.retainedBytes());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("warnings");
            for (ParseWarning w : heap.warnings()) json.writeString(w.toString());
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeThreads(JsonGenerator json, List<HeapThread> threads, Map<HeapThread, String> keys)
            throws IOException {
        json.writeArrayFieldStart("threads");
        for (HeapThread t : threads) {
            json.writeStartObject();
            json.writeStringField("name", t.name());
            if (t.tid() == null) json.writeNullField("tid"); else json.writeNumberField("tid", t.tid());
            json.writeBooleanField("daemon", t.daemon());
            json.writeStringField("state", t.state().name());
            json.writeStringField("objectId", t.threadObject().idHex());
            json.writeNumberField("retainedBytes", t.retainedBytes());
            json.writeStringField("groupKey", keys.get(t));
            json.writeArrayFieldStart("frames");
            for (HeapFrame f : t.frames()) {
                json.writeStartObject();
                json.writeNumberField("depth", f.depth());
                json.writeStringField("frame", f.frame().text());
                json.writeNumberField("retainedBytes", f.retainedBytes());
                writeLocals(json, "locals", f.locals());
                json.writeEndObject();
            }
            json.writeEndArray();
            writeLocals(json, "heldObjects", t.heldLocals());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeLocals(JsonGenerator json, String field, List<HeapLocal> locals) throws IOException {
        json.writeArrayFieldStart(field);
        for (HeapLocal l : locals) {
            json.writeStartObject();
            json.writeStringField("className", l.object().className());
            json.writeStringField("objectId", l.object().idHex());
            json.writeStringField("rootKind", l.kind().label());
            json.writeNumberField("retainedBytes", l.object().retainedBytes());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Starts a group object (left open for extra fields). */
    private static void writeGroup(JsonGenerator json, StackGroup g, int threads, long retained) throws IOException {
        json.writeStartObject();
        json.writeStringField("groupKey", g.key());
        json.writeStringField("state", g.state().name());
        json.writeStringField("nameTemplate", g.nameTemplate());
        json.writeNumberField("threads", threads);
        json.writeNumberField("retainedBytes", retained);
        json.writeStringField("topFrame", g.topFrame() == null ? null : g.topFrame().text());
    }

    private static void writeJoins(JsonGenerator json, Map<DumpAnalysis, List<HeapThreadGroups.Joined>> joins)
            throws IOException {
        json.writeArrayFieldStart("threadDumps");
        for (Map.Entry<DumpAnalysis, List<HeapThreadGroups.Joined>> e : joins.entrySet()) {
            json.writeStartObject();
            json.writeStringField("file", e.getKey().dump().source());
            json.writeNumberField("index", e.getKey().dump().index());
            json.writeArrayFieldStart("groups");
            for (HeapThreadGroups.Joined j : e.getValue()) {
                writeGroup(json, j.group(), j.group().size(), j.retainedBytes());
                json.writeNumberField("matchedThreads", j.matched().size());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
