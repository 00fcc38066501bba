package scenario;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Threads whose names break naive parsers, all parked in {@code TrickyNames.hold} (WAITING on one latch).
 * Every name is printed to stdout (escaped) before READY so the capture can be checked against it.
 */
public final class TrickyNames {
    private static final String LONG_NAME = "long-name-" + "x".repeat(990);

    /** The designed names, in start order. */
    static final List<String> NAMES = List.of(
            "quote\"inside\"name",
            "it's-an-apostrophe",
            "hash#42 #7 worker",
            "  spaces  around  ",
            "\u5de5\u4f5c\u7ebf\u7a0b-\u4e2d\u6587-1",
            "caf\u00e9-cr\u00e8me-\u00fc\u00f1\u00ee",
            "emoji-\uD83D\uDE80-rocket",
            LONG_NAME,
            "first-line\nsecond-line",
            "tab\there",
            "\"ghost\" #999 daemon prio=5 os_prio=0 cpu=0.00ms elapsed=0.00s tid=0x00007f0000000999 nid=0x3e7"
                    + " waiting on condition  [0x0000000000000000]",
            "",
            "main",
            "GC Thread#0");

    private static final CountDownLatch NEVER = new CountDownLatch(1);

    public static void main(String[] args) {
        for (String name : NAMES) {
            Await.state(Await.start(name, TrickyNames::hold), Thread.State.WAITING);
            System.out.println("started [" + name.replace("\n", "\\n").replace("\t", "\\t") + "] length "
                    + name.length());
        }
        Await.ready("tricky-names");
        Await.stayAlive();
    }

    private static void hold() {
        try {
            NEVER.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
