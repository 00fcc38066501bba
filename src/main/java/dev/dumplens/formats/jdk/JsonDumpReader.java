package dev.dumplens.formats.jdk;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.util.ByteBufferBackedInputStream;
import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.DumpText;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.LockAction.Kind;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ParseWarning;
import dev.dumplens.model.ThreadState;
import dev.dumplens.progress.ProgressMonitor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads one JSON {@code Thread.dump_to_file} file with Jackson's streaming parser, thread by thread, without
 * building a tree of the document (see {@link JdkThreadDumpJson} for the mapping). One instance per file.
 * <p>
 * Errors before the {@code threadDump} object was entered, and errors other than a premature end before the first
 * thread entry, mean the file is not such a dump and become a {@link DumpParseException}. Later errors (a file cut
 * off half-way, a corrupted byte) end the reading with a file warning naming line, column and byte offset, and
 * every thread entry read completely until then is kept.
 */
final class JsonDumpReader {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final int PROGRESS_EVERY_THREADS = 256;

    private final DumpText text;
    private final ProgressMonitor progress;
    private final DumpAssembly dump;
    private JsonParser p;
    private boolean recognized;
    private boolean containersSeen;
    /** Reading ended early at bad or missing content. */
    private boolean stopped;

    JsonDumpReader(DumpText text, ProgressMonitor progress) {
        this.text = text;
        this.progress = progress;
        this.dump = new DumpAssembly(text.source(), JdkThreadDumpJson.ID);
    }

    ParseResult read() throws DumpParseException {
        progress.phase("Reading " + text.source(), text.length());
        progress.checkCancelled();
        int invalidUtf8 = firstInvalidUtf8(text.bytes());
        String decoded = null;
        if (invalidUtf8 >= 0) {
            decoded = text.decode(0, text.length());
            dump.warnFile(ParseWarning.atOffset(text.source(), invalidUtf8,
                    "invalid UTF-8 here and maybe further on, read as U+FFFD"));
        }
        try (JsonParser parser = decoded == null
                ? FACTORY.createParser(new ByteBufferBackedInputStream(text.bytes()))
                : FACTORY.createParser(decoded)) {
            p = parser;
            readDocument();
        } catch (JacksonException e) {
            JsonLocation where = e.getLocation();
            boolean atEnd = where != null && (decoded == null
                    ? where.getByteOffset() >= text.length() : where.getCharOffset() >= decoded.length());
            // Jackson reports some premature ends as plain parse errors: the location tells them apart
            stopAt(where, e instanceof JsonEOFException || atEnd, e.getOriginalMessage());
        } catch (IOException e) { // only from the in-memory stream: cannot happen, reported like bad content
            stopAt(null, false, String.valueOf(e.getMessage()));
        }
        if (!recognized) {
            throw new DumpParseException(text.source(), 1, -1,
                    "JSON, but not a jcmd Thread.dump_to_file document: no \"threadDump\" object");
        }
        if (!containersSeen && !stopped) {
            throw new DumpParseException(text.source(), 1, -1,
                    "JSON \"threadDump\" object without a \"threadContainers\" array");
        }
        progress.worked(text.length());
        return dump.result();
    }

    /** Ends reading at a bad spot: a parse error before the dump was recognized, a warning after. */
    private void stopAt(JsonLocation where, boolean eof, String detail) throws DumpParseException {
        long line = where == null ? -1 : where.getLineNr();
        long offset = where == null ? -1 : where.getByteOffset();
        String place = where == null ? "" : " at line " + line + ", column " + where.getColumnNr();
        if (!recognized || (!eof && dump.threadCount() == 0)) {
            throw new DumpParseException(text.source(), line, offset,
                    "not a jcmd Thread.dump_to_file JSON document: " + (eof ? "JSON ends early" : "bad JSON")
                            + place + ": " + detail);
        }
        stopped = true;
        String what = eof ? "the JSON ends early (truncated file)" : "unreadable JSON (" + detail + ")";
        dump.warnFile(new ParseWarning(text.source(), line, offset,
                what + place + "; kept the " + dump.threadCount() + " thread entries read completely before it"));
    }

    private void readDocument() throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) throw unexpected("a JSON object");
        while (nextField()) {
            String field = p.currentName();
            if (p.nextToken() == JsonToken.START_OBJECT && field.equals("threadDump")) {
                recognized = true;
                readThreadDump();
            } else {
                p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            dump.warnFile(new ParseWarning(text.source(), p.currentTokenLocation().getLineNr(),
                    p.currentTokenLocation().getByteOffset(), "content after the JSON document ignored"));
        }
    }

    private void readThreadDump() throws IOException {
        while (nextField()) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "processId" -> dump.processId = longValue();
                case "time" -> {
                    String time = string();
                    if (time != null) dump.timestamp = dump.instant(time, p.currentTokenLocation().getLineNr());
                }
                case "runtimeVersion" -> dump.runtimeVersion = Objects.requireNonNullElse(string(), "");
                case "threadContainers" -> {
                    containersSeen = true;
                    readArray(this::readContainer);
                }
                default -> p.skipChildren();
            }
        }
    }

    private void readContainer() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) throw unexpected("a thread container object");
        while (nextField()) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("threads")) {
                readArray(this::readThread);
            } else {
                p.skipChildren();
            }
        }
    }

    private void readThread() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) throw unexpected("a thread object");
        DumpThread.Builder t = new DumpThread.Builder("");
        t.line = p.currentTokenLocation().getLineNr();
        ThreadLocks locks = new ThreadLocks();
        while (nextField()) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "tid" -> t.javaId = longValue();
                case "name" -> t.name = string();
                case "virtual" -> t.virtual = bool();
                case "state" -> {
                    String state = string();
                    t.state = ThreadState.fromJava(state);
                    t.stateDetail = state;
                }
                case "parkBlocker" -> readParkBlocker(locks);
                case "blockedOn" -> locks.blockedOn = string();
                case "waitingOn" -> locks.waitingOn = string();
                case "stack" -> readArray(() -> t.frames.add(dump.frame(requireString())));
                case "monitorsOwned" -> readArray(() -> readMonitorsAt(locks));
                case "carrier" -> t.carrierId = longValue();
                default -> p.skipChildren();
            }
        }
        locks.addTo(t);
        dump.add(t);
        if (dump.threadCount() % PROGRESS_EVERY_THREADS == 0) {
            progress.checkCancelled();
            progress.worked(Math.max(0, p.currentLocation().getByteOffset()));
        }
    }

    /**
     * {@code "parkBlocker": {"object": "X@hash"}}; a JDK development version also printed the owner's tid as
     * {@code "exclusiveOwnerThreadId"}.
     */
    private void readParkBlocker(ThreadLocks locks) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            locks.parkBlocker = string();
            return;
        }
        while (nextField()) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "object" -> locks.parkBlocker = string();
                case "exclusiveOwnerThreadId" -> locks.parkOwner = longValue();
                default -> p.skipChildren();
            }
        }
    }

    /** One {@code {"depth": N, "locks": ["X@hash", …]}} entry; a {@code null} lock is an eliminated one. */
    private void readMonitorsAt(ThreadLocks locks) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) throw unexpected("a monitorsOwned object");
        Long depth = null;
        List<String> objects = new ArrayList<>(1);
        while (nextField()) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "depth" -> depth = longValue();
                case "locks" -> readArray(() -> objects.add(string()));
                default -> p.skipChildren();
            }
        }
        if (depth == null || depth < 0 || depth > Integer.MAX_VALUE) throw unexpected("a monitorsOwned depth");
        locks.owned.add(new OwnedAt(depth.intValue(), objects, p.currentTokenLocation().getLineNr()));
    }

    /** What a thread entry says about locks, turned into lock actions once the whole entry is read. */
    private final class ThreadLocks {
        String parkBlocker;
        Long parkOwner;
        String blockedOn;
        String waitingOn;
        final List<OwnedAt> owned = new ArrayList<>(2);

        /**
         * Adds the lock actions in the order JDK 25's text form prints them: per frame its monitors, and after
         * the top frame's monitors the park blocker and the monitor blocked on or waited on.
         */
        void addTo(DumpThread.Builder t) {
            owned.sort((a, b) -> Integer.compare(a.depth, b.depth));
            boolean waitsAdded = false;
            for (OwnedAt at : owned) {
                if (at.depth > 0 && !waitsAdded) {
                    addWaits(t);
                    waitsAdded = true;
                }
                int frame = at.depth;
                if (frame >= t.frames.size()) {
                    frame = Math.max(0, t.frames.size() - 1);
                    dump.warnAtLine(at.line, "monitorsOwned depth " + at.depth + " beyond the "
                            + t.frames.size() + " frames of thread \"" + t.name + "\"; put at frame " + frame);
                }
                for (String object : at.objects) {
                    t.locks.add(object == null
                            ? new LockAction(frame, Kind.ELIMINATED, null)
                            : new LockAction(frame, Kind.LOCKED, dump.lock(object)));
                }
            }
            if (!waitsAdded) addWaits(t);
        }

        private void addWaits(DumpThread.Builder t) {
            if (parkBlocker != null) {
                t.locks.add(new LockAction(0, Kind.PARKING, dump.lock(parkBlocker)));
                if (parkOwner != null) dump.ownedBy(parkOwner, dump.lock(parkBlocker));
            }
            if (blockedOn != null) t.locks.add(new LockAction(0, Kind.WAITING_TO_LOCK, dump.lock(blockedOn)));
            if (waitingOn != null) t.locks.add(new LockAction(0, Kind.WAITING_ON, dump.lock(waitingOn)));
        }
    }

    private record OwnedAt(int depth, List<String> objects, long line) { }

    /** Reads the array at the current token, calling {@code element} with the parser on each element. */
    private void readArray(JsonStep element) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) throw unexpected("an array");
        while (p.nextToken() != JsonToken.END_ARRAY) element.run();
    }

    /** Moves to the next field name of the current object; false at its end. */
    private boolean nextField() throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_OBJECT) return false;
        if (t != JsonToken.FIELD_NAME) throw unexpected("a field name");
        return true;
    }

    private String string() throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
            case VALUE_NULL -> null;
            default -> throw unexpected("a string");
        };
    }

    private String requireString() throws IOException {
        String s = string();
        if (s == null) throw unexpected("a string");
        return s;
    }

    /** A number, printed as a JSON string ("numbers as strings") or as a JSON number. */
    private Long longValue() throws IOException {
        switch (p.currentToken()) {
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NULL:
                return null;
            case VALUE_STRING:
                try {
                    return Long.parseLong(p.getText().strip());
                } catch (NumberFormatException e) {
                    throw unexpected("a number");
                }
            default:
                throw unexpected("a number");
        }
    }

    private boolean bool() throws IOException {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            case VALUE_STRING -> Boolean.parseBoolean(p.getText().strip());
            default -> throw unexpected("true or false");
        };
    }

    private JsonParseException unexpected(String expected) throws IOException {
        return new JsonParseException(p, "expected " + expected + " but found " + describe(p.currentToken()),
                p.currentTokenLocation());
    }

    private String describe(JsonToken token) throws IOException {
        if (token == null) return "the end of the input";
        return switch (token) {
            case VALUE_STRING -> "the string \"" + abbreviate(p.getText()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
            case FIELD_NAME -> "the field \"" + abbreviate(p.currentName()) + "\"";
            default -> token.asString() != null ? "'" + token.asString() + "'" : token.name();
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** One step of reading that may fail with a parse error. */
    @FunctionalInterface
    private interface JsonStep {
        void run() throws IOException;
    }

    /** Byte offset of the first invalid UTF-8 sequence, or -1 when the whole buffer is valid UTF-8. */
    static int firstInvalidUtf8(ByteBuffer bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = bytes.duplicate();
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) return in.position();
            if (r.isUnderflow()) return -1;
            out.clear();
        }
    }
}
