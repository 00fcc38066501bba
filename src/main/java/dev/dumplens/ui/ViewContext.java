package dev.dumplens.ui;

import java.util.function.Consumer;

/**
 * What a workspace view may use of the main window: the background worker (long work runs there, with progress
 * in the status bar), the notice bar for non-modal messages, and a way to open another view in a new tab.
 */
record ViewContext(BackgroundWork work, NoticeBar notices, Consumer<WorkspaceView> openView) { }
