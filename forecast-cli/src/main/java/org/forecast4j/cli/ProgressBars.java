package org.forecast4j.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on standard error (the {@code me.tongfei:progressbar} library), drawn on one line that is
 * rewritten with a carriage return and ended with a newline when the bar closes. They are shown only when
 * {@link #enabled} says so: never with {@code --quiet}, always with {@code --progress}, otherwise when the command
 * runs on a terminal.
 */
final class ProgressBars {

    /** Width of the rendered line, in characters. */
    static final int WIDTH = 100;
    /** Minimum interval between two redraws, in milliseconds. */
    static final int UPDATE_MILLIS = 200;

    private ProgressBars() {
    }

    /**
     * Whether to draw progress bars.
     *
     * @param progress {@code --progress} was given
     * @param quiet    {@code --quiet} was given
     * @return true to draw
     * @throws IllegalArgumentException if both flags are given
     */
    static boolean enabled(boolean progress, boolean quiet) {
        if (progress && quiet) {
            throw new IllegalArgumentException("--progress and --quiet exclude each other");
        }
        return !quiet && (progress || Main.interactive);
    }

    /**
     * Opens a bar; close it (try-with-resources) to draw its final state and end the line.
     *
     * @param err  standard error
     * @param task the label on the left
     * @param max  the total, or −1 when unknown
     * @param unit the unit of the rate (e.g. "series"), or null for none
     * @return the bar
     */
    static Bar open(PrintWriter err, String task, long max, String unit) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(UPDATE_MILLIS)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    synchronized (err) {
                        err.print('\r');
                        err.print(line);
                        err.flush();
                    }
                }, WIDTH));
        if (unit != null) {
            b.showSpeed().setUnit(" " + unit, 1);
        }
        return new Bar(b.build(), err);
    }

    /** A bar that ends its line on close. */
    static final class Bar implements AutoCloseable {
        private final ProgressBar bar;
        private final PrintWriter err;

        Bar(ProgressBar bar, PrintWriter err) {
            this.bar = bar;
            this.err = err;
        }

        /**
         * Moves the bar.
         *
         * @param done  the current count
         * @param extra text shown after the bar, or null
         */
        void update(long done, String extra) {
            bar.stepTo(done);
            if (extra != null) {
                bar.setExtraMessage(" " + extra);
            }
        }

        @Override
        public void close() {
            bar.close();
            synchronized (err) {
                err.println();
                err.flush();
            }
        }
    }
}
