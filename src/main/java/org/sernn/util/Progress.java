package org.sernn.util;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long step, always on stderr, never on stdout: on a terminal a redrawn bar; elsewhere
 * (a log file, a pipe, CI) either one plain line per finished item ({@link #lines}) or nothing
 * ({@link #barOnly}, for verbs that print their own per-item lines), so that no '\r' frame ever
 * reaches a file. Thread-safe: items may finish on several threads.
 */
public final class Progress implements AutoCloseable {
    private final String task;
    private final int total;
    private final ProgressBar bar;
    private final PrintStream lines;
    private int done;

    private Progress(String task, int total, ProgressBar bar, PrintStream lines) {
        this.task = task;
        this.total = total;
        this.bar = bar;
        this.lines = lines;
    }

    /** A bar on a terminal, else a plain line per item on stderr. */
    public static Progress lines(String task, int total) {
        return of(task, total, System.console() != null, System.err, true);
    }

    /** A bar on a terminal, else nothing. */
    public static Progress barOnly(String task, int total) {
        return of(task, total, System.console() != null, System.err, false);
    }

    /** Nothing at all. */
    public static Progress silent() {
        return new Progress("", 0, null, null);
    }

    /** As the factories above, with the terminal test and stderr given (for tests). */
    static Progress of(String task, int total, boolean terminal, PrintStream err, boolean plainLines) {
        if (terminal) {
            return new Progress(task, total, new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err)).build(), null);
        }
        return new Progress(task, total, null, plainLines ? err : null);
    }

    /** One item finished; {@code message} says which and how it went. */
    public synchronized void step(String message) {
        done++;
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(message);
        } else if (lines != null) {
            lines.printf(Locale.ROOT, "%s %d/%d: %s%n", task, done, total, message);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
