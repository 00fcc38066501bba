package scenario;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lock contention of every kind, with a designed owner and designed waiters per lock.
 *
 * <ul>
 *   <li>monitor {@code Ledger}: {@code ledger-owner} sleeps inside it; {@code ledger-reader-1..25} and
 *       {@code registry-owner} are BLOCKED on it</li>
 *   <li>monitor {@code Registry}: {@code registry-owner} holds it (chain: it waits for {@code Ledger});
 *       {@code registry-waiter-1..3} are BLOCKED on it</li>
 *   <li>monitor {@code Mailbox}: nobody owns it; {@code mailbox-waiter-1..6} are in {@code wait()},
 *       {@code mailbox-timed-waiter-1..2} in {@code wait(timeout)}</li>
 *   <li>ReentrantLock {@code vault}: {@code vault-owner} sleeps holding it; {@code vault-waiter-1..8} and
 *       {@code audit-owner} are parked on it</li>
 *   <li>ReentrantLock {@code audit}: {@code audit-owner} holds it (chain: it waits for {@code vault});
 *       {@code audit-waiter-1..2} are parked on it</li>
 *   <li>ReentrantReadWriteLock {@code catalog}: {@code catalog-writer} sleeps holding the write lock;
 *       {@code catalog-reader-1..4} are parked on it</li>
 *   <li>Condition of the free ReentrantLock {@code signal}: {@code signal-waiter-1..3} await it</li>
 * </ul>
 */
public final class Contention {
    static final int LEDGER_READERS = 25;
    static final int REGISTRY_WAITERS = 3;
    static final int MAILBOX_WAITERS = 6;
    static final int MAILBOX_TIMED_WAITERS = 2;
    static final int VAULT_WAITERS = 8;
    static final int AUDIT_WAITERS = 2;
    static final int CATALOG_READERS = 4;
    static final int SIGNAL_WAITERS = 3;

    /** A monitor held by one sleeping owner. */
    static final class Ledger {
        synchronized void hold() {
            Await.sleepForever();
        }

        synchronized void read() {
            Await.pause(1);
        }
    }

    /** A monitor whose owner is itself blocked on the Ledger. */
    static final class Registry {
        synchronized void holdWhileReading(Ledger ledger) {
            ledger.read();
        }

        synchronized void lookup() {
            Await.pause(1);
        }
    }

    /** A monitor nobody owns: threads wait() on it for a notify that never comes. */
    static final class Mailbox {
        synchronized void take() throws InterruptedException {
            while (true) {
                wait();
            }
        }

        synchronized void takeWithTimeout() throws InterruptedException {
            while (true) {
                wait(86_400_000L);
            }
        }
    }

    private final Ledger ledger = new Ledger();
    private final Registry registry = new Registry();
    private final Mailbox mailbox = new Mailbox();
    private final ReentrantLock vault = new ReentrantLock();
    private final ReentrantLock audit = new ReentrantLock();
    private final ReentrantReadWriteLock catalog = new ReentrantReadWriteLock();
    private final ReentrantLock signal = new ReentrantLock();
    private final Condition signalled = signal.newCondition();

    public static void main(String[] args) {
        new Contention().run();
        Await.ready("contention");
        Await.stayAlive();
    }

    private void run() {
        monitors();
        waiters();
        reentrantLocks();
        readWriteLock();
        conditions();
    }

    private void monitors() {
        Await.state(Await.start("ledger-owner", ledger::hold), Thread.State.TIMED_WAITING);
        for (int i = 1; i <= LEDGER_READERS; i++) {
            Await.state(Await.start("ledger-reader-" + i, ledger::read), Thread.State.BLOCKED);
        }
        Await.state(Await.start("registry-owner", () -> registry.holdWhileReading(ledger)), Thread.State.BLOCKED);
        for (int i = 1; i <= REGISTRY_WAITERS; i++) {
            Await.state(Await.start("registry-waiter-" + i, registry::lookup), Thread.State.BLOCKED);
        }
    }

    private void waiters() {
        for (int i = 1; i <= MAILBOX_WAITERS; i++) {
            Await.state(Await.start("mailbox-waiter-" + i, () -> uninterruptibly(mailbox::take)), Thread.State.WAITING);
        }
        for (int i = 1; i <= MAILBOX_TIMED_WAITERS; i++) {
            Await.state(Await.start("mailbox-timed-waiter-" + i, () -> uninterruptibly(mailbox::takeWithTimeout)),
                    Thread.State.TIMED_WAITING);
        }
    }

    private void reentrantLocks() {
        Await.state(Await.start("vault-owner", () -> holdForever(vault)), Thread.State.TIMED_WAITING);
        for (int i = 1; i <= VAULT_WAITERS; i++) {
            Thread t = Await.start("vault-waiter-" + i, () -> lockBriefly(vault));
            Await.until(t.getName() + " queued on vault", () -> vault.hasQueuedThread(t));
        }
        Thread auditOwner = Await.start("audit-owner", this::holdAuditWhileOpeningVault);
        Await.until("audit-owner queued on vault", () -> vault.hasQueuedThread(auditOwner));
        for (int i = 1; i <= AUDIT_WAITERS; i++) {
            Thread t = Await.start("audit-waiter-" + i, () -> lockBriefly(audit));
            Await.until(t.getName() + " queued on audit", () -> audit.hasQueuedThread(t));
        }
    }

    private void readWriteLock() {
        Await.state(Await.start("catalog-writer", () -> holdForever(catalog.writeLock())), Thread.State.TIMED_WAITING);
        for (int i = 1; i <= CATALOG_READERS; i++) {
            Thread t = Await.start("catalog-reader-" + i, this::readCatalog);
            Await.until(t.getName() + " queued on catalog", () -> catalog.hasQueuedThread(t));
        }
    }

    private void conditions() {
        for (int i = 1; i <= SIGNAL_WAITERS; i++) {
            Await.state(Await.start("signal-waiter-" + i, this::awaitSignal), Thread.State.WAITING);
        }
    }

    private void holdAuditWhileOpeningVault() {
        audit.lock();
        try {
            lockBriefly(vault);
        } finally {
            audit.unlock();
        }
    }

    private void readCatalog() {
        catalog.readLock().lock();
        catalog.readLock().unlock();
    }

    private void awaitSignal() {
        signal.lock();
        try {
            while (true) {
                signalled.awaitUninterruptibly();
            }
        } finally {
            signal.unlock();
        }
    }

    private static void holdForever(java.util.concurrent.locks.Lock lock) {
        lock.lock();
        try {
            Await.sleepForever();
        } finally {
            lock.unlock();
        }
    }

    private static void lockBriefly(java.util.concurrent.locks.Lock lock) {
        lock.lock();
        lock.unlock();
    }

    private interface Blocking {
        void run() throws InterruptedException;
    }

    private static void uninterruptibly(Blocking body) {
        try {
            body.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
