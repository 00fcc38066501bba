package dev.dumplens.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.Similarity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeJsonWriterTest {

    private static JsonNode render(DumpAnalysis a, String errorFile) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AnalyzeJsonWriter w = new AnalyzeJsonWriter(out)) {
            w.write(a);
            if (errorFile != null) w.error(errorFile, errorFile + ":3: not a thread dump");
        }
        return new ObjectMapper().readTree(out.toByteArray());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isNull() ? null : n.asText()));
        return out;
    }

    @Test
    void writesTheDocumentOfIssue2() throws Exception {
        JsonNode doc = render(DumpAnalysis.of(ReportFixtures.dump(), Similarity.NORMALIZED), "bad.bin");
        JsonNode d = doc.get("dumps").get(0);
        assertThat(d.get("file").asText()).isEqualTo("dumps/app.txt");
        assertThat(d.get("index").asInt()).isZero();
        assertThat(d.get("timestamp").asText()).isEqualTo("2026-11-26T17:56:19");
        assertThat(d.get("format").asText()).isEqualTo("hotspot");
        assertThat(d.get("similarity").asText()).isEqualTo("normalized");
        assertThat(d.get("threadCount").asInt()).isEqualTo(10);
        assertThat(d.get("virtualThreadCount").asInt()).isZero();
        assertThat(d.get("states").toString())
                .isEqualTo("{\"BLOCKED\":5,\"WAITING\":3,\"TIMED_WAITING\":1,\"NONE\":1}");

        JsonNode top = d.get("groups").get(0);
        assertThat(top.get("size").asInt()).isEqualTo(3);
        assertThat(top.get("state").asText()).isEqualTo("BLOCKED");
        assertThat(top.get("nameTemplate").asText()).isEqualTo("ledger-reader-*");
        assertThat(top.get("key").asText()).startsWith("BLOCKED/");
        assertThat(texts(top.get("frames"))).containsExactly("app.Ledger.read(Ledger.java:49)",
                "java.lang.Thread.run(java.base@17.0.15/Thread.java:840)");
        assertThat(texts(top.get("threads"))).containsExactly("ledger-reader-1", "ledger-reader-2", "ledger-reader-3");
        int members = 0;
        for (JsonNode g : d.get("groups")) members += g.get("size").asInt();
        assertThat(members).isEqualTo(10);

        JsonNode account = lock(d, "0x10");
        assertThat(account.get("owner").asText()).isEqualTo("ledger-writer");
        assertThat(account.get("ownerStatus").asText()).isEqualTo("owned");
        assertThat(account.get("kind").asText()).isEqualTo("monitor");
        assertThat(texts(account.get("blocked"))).hasSize(3);
        JsonNode bus = lock(d, "0x20");
        assertThat(bus.get("owner").isNull()).isTrue();
        assertThat(texts(bus.get("waiting"))).containsExactly("event-listener-1", "event-listener-2");
        JsonNode rl = lock(d, "0x40");
        assertThat(rl.get("owner").isNull()).isTrue();
        assertThat(rl.get("ownerStatus").asText()).isEqualTo("unknown");
        assertThat(rl.get("ownerNote").asText()).contains("jstack -l");
        assertThat(texts(rl.get("parked"))).containsExactly("inventory-worker-1");
        assertThat(lock(d, "0x30").get("ownerWaitsFor").asText()).isEqualTo("0x31");

        JsonNode dl = d.get("deadlocks").get(0);
        assertThat(texts(dl.get("threads"))).containsExactly("transfer-A-to-B\nsecond line", "transfer-B-to-A");
        assertThat(texts(dl.get("locks"))).containsExactly("0x31", "0x30");
        assertThat(dl.get("reportedByJvm").asBoolean()).isTrue();
        assertThat(texts(d.get("warnings"))).containsExactly("dumps/app.txt:77: skipped an unreadable line");

        assertThat(doc.get("errors").get(0).get("file").asText()).isEqualTo("bad.bin");
        assertThat(doc.get("errors").get(0).get("message").asText()).isEqualTo("bad.bin:3: not a thread dump");
    }

    @Test
    void emptyDocumentIsValid() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AnalyzeJsonWriter(out).close();
        JsonNode doc = new ObjectMapper().readTree(out.toByteArray());
        assertThat(doc.get("dumps").size()).isZero();
        assertThat(doc.get("errors").size()).isZero();
    }

    @Test
    void dumpsRenderedOnTheirOwnMakeTheSameDocument() throws Exception {
        DumpAnalysis normalized = DumpAnalysis.of(ReportFixtures.dump(), Similarity.NORMALIZED);
        DumpAnalysis exact = DumpAnalysis.of(ReportFixtures.dump(), Similarity.EXACT);
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        try (AnalyzeJsonWriter w = new AnalyzeJsonWriter(direct)) {
            w.write(normalized);
            w.error("bad.bin", "bad.bin: not a thread dump");
            w.write(exact);
        }
        byte[] first = AnalyzeJsonWriter.render(normalized);
        byte[] second = AnalyzeJsonWriter.render(exact);
        ByteArrayOutputStream rendered = new ByteArrayOutputStream();
        try (AnalyzeJsonWriter w = new AnalyzeJsonWriter(rendered)) {
            w.writeRendered(first);
            w.error("bad.bin", "bad.bin: not a thread dump");
            w.writeRendered(second);
        }

        assertThat(rendered.toByteArray()).isEqualTo(direct.toByteArray());
        JsonNode doc = new ObjectMapper().readTree(rendered.toByteArray());
        assertThat(doc.get("dumps")).hasSize(2);
        assertThat(doc.get("dumps").get(0)).isEqualTo(new ObjectMapper().readTree(first));
        assertThat(doc.get("dumps").get(1).get("similarity").asText()).isEqualTo("exact");
        assertThat(doc.get("errors")).hasSize(1);
    }

    private static JsonNode lock(JsonNode dump, String id) {
        for (JsonNode l : dump.get("locks")) if (l.get("id").asText().equals(id)) return l;
        throw new AssertionError("no lock " + id);
    }
}
