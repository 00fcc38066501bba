package dev.dumplens.formats.hotspot;

import dev.dumplens.model.StackFrame;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance per file of each stack frame and of each repeated text (lock class names, state and status texts),
 * shared by the blocks lexed in parallel. Blocks intern by bytes first; only the first occurrence in a block
 * comes here.
 */
final class SharedTexts {
    private final Map<String, StackFrame> frames = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    /** The file's frame with this text. */
    StackFrame frame(String text) {
        StackFrame f = frames.get(text);
        return f != null ? f : frames.computeIfAbsent(text, StackFrame::new);
    }

    /** The file's string equal to {@code text}. */
    String text(String text) {
        String s = texts.putIfAbsent(text, text);
        return s != null ? s : text;
    }
}
