package scenario;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * CPU-bound and I/O-bound RUNNABLE threads side by side, for successive captures a few seconds apart.
 *
 * <ul>
 *   <li>{@code spinner-1}: a hot loop in {@code Busy.spin} (no exit condition; cpu= grows with wall time)</li>
 *   <li>{@code regex-backtrack}: {@code (a+)+b} matched against 40 'a's and a 'c' (catastrophic backtracking;
 *       RUNNABLE in {@code java.util.regex}, cpu= grows)</li>
 *   <li>{@code socket-reader}: RUNNABLE in a blocking socket read on a loopback connection where nobody writes
 *       (cpu= stays flat)</li>
 *   <li>{@code pool-1-thread-1..4}: idle pool workers (WAITING in ThreadPoolExecutor.getTask)</li>
 * </ul>
 */
public final class Busy {
    static final int IDLE_WORKERS = 4;
    private static final AtomicLong SPINS = new AtomicLong();
    private static volatile boolean regexStarted;
    private static volatile long sink;

    public static void main(String[] args) throws IOException {
        ThreadPoolExecutor idle = (ThreadPoolExecutor) Executors.newFixedThreadPool(IDLE_WORKERS);
        idle.prestartAllCoreThreads();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
             Socket silentPeer = server.accept()) {
            Thread reader = Await.start("socket-reader", () -> readForever(client));
            Await.until("socket-reader blocked in read", () -> inSocketRead(reader));
            Await.start("spinner-1", Busy::spin);
            Await.until("spinner-1 spinning", () -> SPINS.get() > 0);
            Await.start("regex-backtrack", Busy::backtrack);
            Await.until("regex-backtrack matching", () -> regexStarted);
            Await.until("idle workers parked", () -> idle.getPoolSize() == IDLE_WORKERS && idle.getActiveCount() == 0);
            Await.ready("busy peer=" + silentPeer.getPort());
            Await.stayAlive();
        }
    }

    private static void spin() {
        long x = 1;
        while (true) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            if (x == 0) {
                sink = x;
            }
            if ((x & 0xFFFFF) == 0) {
                SPINS.incrementAndGet();
            }
        }
    }

    private static void backtrack() {
        char[] as = new char[40];
        Arrays.fill(as, 'a');
        String input = new String(as) + "c";
        Pattern pattern = Pattern.compile("(a+)+b");
        regexStarted = true;
        while (true) {
            sink += pattern.matcher(input).matches() ? 1 : 0;
        }
    }

    private static void readForever(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                sink++;
            }
        } catch (IOException e) {
            System.out.println("socket-reader: " + e);
        }
    }

    /** True once the reader sits in the native read (JDK 17: SocketDispatcher.read0; newer JDKs may poll). */
    private static boolean inSocketRead(Thread reader) {
        StackTraceElement[] stack = reader.getStackTrace();
        return reader.getState() == Thread.State.RUNNABLE && stack.length > 0
                && (stack[0].getMethodName().equals("read0") || stack[0].getMethodName().equals("poll"));
    }
}
