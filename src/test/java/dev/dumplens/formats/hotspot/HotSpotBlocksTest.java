package dev.dumplens.formats.hotspot;

import dev.dumplens.formats.DumpText;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.LockAction;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.StackFrame;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.dumplens.formats.hotspot.HotSpotRobustnessTest.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large files are lexed in blocks on several threads: whatever the block size and thread count, the result is the
 * same as reading the file in one block, also when a block boundary falls inside a header that spans lines.
 */
class HotSpotBlocksTest {

    @Test
    void tinyBlocksGiveTheSameResultAsOneBlock() throws Exception {
        for (String name : TestDumps.ALL) {
            DumpText text = DumpText.of(name, TestDumps.bytes(name));
            List<String> expected = fingerprint(parseInBlocks(text, Integer.MAX_VALUE, 1));
            for (int blockSize : List.of(17, 64, 333, 4096)) {
                for (int cores : List.of(1, 3)) {
                    assertThat(fingerprint(parseInBlocks(text, blockSize, cores)))
                            .as(name + " in blocks of " + blockSize + " on " + cores + " threads")
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void blockBoundaryInsideAHeaderThatSpansLines() throws Exception {
        String name = "jdk17-locks-jstack-l.txt";
        DumpText text = DumpText.of(name, TestDumps.bytes(name));
        List<String> expected = fingerprint(parseInBlocks(text, Integer.MAX_VALUE, 1));
        String s = TestDumps.text(name);
        int secondLine = s.getBytes(StandardCharsets.UTF_8).length
                - s.substring(s.indexOf("\nline-two\"") + 1).getBytes(StandardCharsets.UTF_8).length;
        for (int blockSize = secondLine - 2; blockSize <= secondLine + 2; blockSize++) {
            ParseResult r = parseInBlocks(text, blockSize, 2);
            assertThat(fingerprint(r)).as("boundary at " + blockSize).isEqualTo(expected);
            assertThat(r.dumps().get(0).threads()).anyMatch(t -> t.name().equals("line-one\nline-two"));
        }
    }

    @Test
    void framesAndTextsAreOneInstancePerFileAcrossBlocks() throws Exception {
        String name = "jdk17-sigquit.log";
        ParseResult r = parseInBlocks(DumpText.of(name, TestDumps.bytes(name)), 500, 3);
        Map<String, StackFrame> frames = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (ThreadDump d : r.dumps()) {
            for (DumpThread t : d.threads()) {
                for (StackFrame f : t.frames()) assertThat(frames.computeIfAbsent(f.text(), k -> f)).isSameAs(f);
                for (String text : List.of(t.stateDetail(), t.headerStatus())) {
                    assertThat(texts.computeIfAbsent(text, k -> text)).isSameAs(text);
                }
                for (LockAction a : t.locks()) {
                    if (a.lock() == null) continue;
                    String cls = a.lock().className();
                    assertThat(texts.computeIfAbsent("class " + cls, k -> cls)).isSameAs(cls);
                }
            }
        }
        assertThat(frames).hasSizeGreaterThan(10);
        // the main thread has the same stack in both dumps (one block each at least): one shared list
        assertThat(TestDumps.thread(r.dumps().get(0), "main", 1L).frames())
                .isSameAs(TestDumps.thread(r.dumps().get(1), "main", 1L).frames());
    }

    @Test
    void fileReadInBlocksFromDisk(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String name : TestDumps.ALL) all.writeBytes(TestDumps.bytes(name));
        Path file = dir.resolve("all.txt");
        Files.write(file, all.toByteArray());
        DumpText mapped = DumpText.open(file, "all.txt");
        List<String> expected = fingerprint(parseInBlocks(DumpText.of("all.txt", all.toByteArray()), Integer.MAX_VALUE, 1));
        assertThat(fingerprint(parseInBlocks(mapped, 1000, 2))).isEqualTo(expected);
        assertThat(fingerprint(new HotSpotFormat().parse(mapped, ProgressMonitor.NONE))).isEqualTo(expected);

        byte[] copied = new byte[100];
        assertThat(mapped.copy(mapped.length() - 40, copied, 10, 100)).isEqualTo(40);
        byte[] tail = new byte[40];
        System.arraycopy(all.toByteArray(), all.size() - 40, tail, 0, 40);
        assertThat(java.util.Arrays.copyOfRange(copied, 10, 50)).isEqualTo(tail);
    }

    @Test
    void progressReachesTheEndOfTheFile() throws Exception {
        String name = "jdk17-sigquit.log";
        DumpText text = DumpText.of(name, TestDumps.bytes(name));
        List<Long> reported = new ArrayList<>();
        ProgressMonitor progress = new ProgressMonitor() {
            @Override public void phase(String phase, long totalWork) { assertThat(totalWork).isEqualTo(text.length()); }
            @Override public void worked(long done) { reported.add(done); }
            @Override public boolean isCancelled() { return false; }
        };
        try (ChunkPipeline blocks = new ChunkPipeline(text, progress, 1000, 2)) {
            HotSpotFormat.parse(text, blocks, progress);
        }
        assertThat(reported).isSorted().last().isEqualTo((long) text.length());
    }

    private static ParseResult parseInBlocks(DumpText text, int blockSize, int cores) throws Exception {
        int size = (int) Math.min(blockSize, Math.max(1, text.length()));
        try (ChunkPipeline blocks = new ChunkPipeline(text, ProgressMonitor.NONE, size, cores)) {
            return HotSpotFormat.parse(text, blocks, ProgressMonitor.NONE);
        }
    }
}
