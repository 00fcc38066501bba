package dev.dumplens.analysis.compare;

import dev.dumplens.analysis.Similarity;
import dev.dumplens.model.DumpThread;
import dev.dumplens.model.StackFrame;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to compare dumps.
 *
 * @param similarity how alike stacks must be to count as the same group
 * @param ignore     threads to leave out entirely: a thread is ignored when a pattern is found
 *                   ({@link java.util.regex.Matcher#find()}) in its name or in the text of any of its frames (like
 *                   goleak's IgnoreTopFunction / IgnoreAnyFunction)
 */
public record CompareOptions(Similarity similarity, List<Pattern> ignore) {

    public static final CompareOptions DEFAULT = new CompareOptions(Similarity.DEFAULT, List.of());

    public CompareOptions {
        Objects.requireNonNull(similarity, "similarity");
        ignore = List.copyOf(ignore);
    }

    /** Whether {@code thread} is left out of the comparison. */
    public boolean ignores(DumpThread thread) {
        for (Pattern p : ignore) {
            if (p.matcher(thread.name()).find()) return true;
            for (StackFrame f : thread.frames()) if (p.matcher(f.text()).find()) return true;
        }
        return false;
    }
}
