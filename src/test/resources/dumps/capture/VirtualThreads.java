/** JDK 21+ scenario: a spinning virtual thread mounted on its carrier, parked virtual threads, class-init waits. */
public class VirtualThreads {
    public static void main(String[] args) throws Exception {
        Thread.ofVirtual().name("vt-spinner").start(() -> { while (true) Scenarios.sink++; });
        for (int i = 0; i < 20; i++) Thread.ofVirtual().name("vt-parked-" + i).start(Scenarios::sleepForever);
        Scenarios.start("platform-owner", false, () -> { Scenarios.DOOR.lock(); Scenarios.sleepForever(); });
        Scenarios.start("clinit-alpha", true, () -> Scenarios.sink += Scenarios.Alpha.VALUE);
        Scenarios.start("clinit-beta", true, () -> Scenarios.sink += Scenarios.Beta.VALUE);
        Scenarios.pause(2000);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
