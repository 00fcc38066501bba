package dev.dumplens.ui;

import dev.dumplens.formats.DumpParseException;
import dev.dumplens.formats.Formats;
import dev.dumplens.formats.InputKind;
import dev.dumplens.model.ParseResult;
import dev.dumplens.model.ThreadDump;
import dev.dumplens.progress.ProgressMonitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of opening a set of files off the FX thread: thread dumps parsed, heap dumps recognized, and one
 * user-readable message per file that could not be opened.
 */
record OpenedFiles(List<Path> files, List<ThreadDump> dumps, List<String> warnings, List<Path> heapDumps,
                   List<String> errors) {

    static OpenedFiles load(List<Path> files, ProgressMonitor progress) {
        List<ThreadDump> dumps = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Path> heaps = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int i = 0;
        for (Path file : files) {
            progress.checkCancelled();
            progress.phase("Reading " + file.getFileName() + " (" + (++i) + " of " + files.size() + ")", -1);
            switch (InputKind.of(file)) {
                case HEAP_DUMP -> heaps.add(file);
                case OTHER -> errors.add(file + ": not a thread dump or heap dump (empty, unreadable or binary)");
                case TEXT -> {
                    try {
                        ParseResult r = Formats.parse(file, file.toString(), progress);
                        dumps.addAll(r.dumps());
                        r.warnings().forEach(w -> warnings.add(w.toString()));
                        r.dumps().forEach(d -> d.warnings().forEach(w -> warnings.add(w.toString())));
                    } catch (DumpParseException e) {
                        errors.add(e.userMessage());
                    }
                }
            }
        }
        return new OpenedFiles(List.copyOf(files), List.copyOf(dumps), List.copyOf(warnings), List.copyOf(heaps),
                List.copyOf(errors));
    }

    /** Dumps in time order: by timestamp where every dump has one, else in the order given. */
    List<ThreadDump> dumpsInTimeOrder() {
        if (dumps.stream().allMatch(d -> d.timestamp() != null)) {
            return dumps.stream().sorted(Comparator.comparing(ThreadDump::timestamp)).toList();
        }
        return dumps;
    }
}
