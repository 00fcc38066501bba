package dev.dumplens.heap;

import org.eclipse.mat.parser.internal.SnapshotFactory;
import org.eclipse.mat.snapshot.ISnapshot;
import org.eclipse.mat.snapshot.model.GCRootInfo;
import org.eclipse.mat.util.VoidProgressListener;

import java.io.File;
import java.util.HashMap;

/**
 * The comparison run of the heap benchmark (not a test): the same work with {@code com.squareup.haha} 1.3 — open
 * the dump (which builds MAT's indexes and dominator tree, writing index files next to the dump) and read the retained
 * size of every thread object. {@code java -cp test-classes:haha.jar dev.dumplens.heap.HahaBenchmark FILE.hprof}
 */
public final class HahaBenchmark {
    private HahaBenchmark() { }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        ISnapshot s = new SnapshotFactory().openSnapshot(new File(args[0]), new HashMap<>(), new VoidProgressListener());
        long opened = System.nanoTime();
        int threads = 0;
        long retained = 0;
        for (int root : s.getGCRoots()) {
            for (GCRootInfo info : s.getGCRootInfo(root)) {
                if (info.getType() == GCRootInfo.Type.THREAD_OBJ) {
                    threads++;
                    retained += s.getRetainedHeapSize(root);
                }
            }
        }
        System.out.printf("opened in %.1f s, %d objects; %d threads retain %d bytes (%.1f s in all)%n",
                (opened - start) / 1e9, s.getSnapshotInfo().getNumberOfObjects(), threads, retained,
                (System.nanoTime() - start) / 1e9);
        s.dispose();
    }
}
