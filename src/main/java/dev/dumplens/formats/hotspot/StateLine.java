package dev.dumplens.formats.hotspot;

import dev.dumplens.model.ThreadState;

/** A "java.lang.Thread.State: WAITING (parking)" line: the state and the text after the colon. */
record StateLine(ThreadState state, String detail) {

    /** The state of a state text: "WAITING (parking)" gives WAITING. */
    static StateLine of(String detail) {
        int space = detail.indexOf(' ');
        return new StateLine(ThreadState.fromJava(space < 0 ? detail : detail.substring(0, space)), detail);
    }
}
