package dev.dumplens.heap;

import dev.dumplens.progress.CancelledException;

import java.util.function.IntConsumer;

/** Runs {@code n} pieces of work on their own threads and waits for all; the first failure is rethrown. */
final class Workers {
    private Workers() { }

    static void run(int n, String name, IntConsumer work) {
        Thread[] threads = new Thread[n];
        Throwable[] failure = new Throwable[1];
        for (int w = 0; w < n; w++) {
            int id = w;
            threads[w] = new Thread(() -> {
                try {
                    work.accept(id);
                } catch (Throwable e) {
                    synchronized (failure) {
                        if (failure[0] == null) failure[0] = e;
                    }
                }
            }, name + w);
            threads[w].start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
        if (failure[0] instanceof RuntimeException re) throw re;
        if (failure[0] instanceof Error err) throw err;
    }
}
