package org.forecast4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.panel.PanelForecaster;
import org.forecast4j.core.panel.PanelSummary;
import org.forecast4j.lstm.LstmConfig;
import org.forecast4j.lstm.LstmForecaster;

/**
 * The {@code bench} modes for the LSTM (milliseconds per training epoch) and auto-ARIMA (series per second).
 */
final class BenchModels {

    /** Epochs of the LSTM warm-up training (JIT compilation of the kernels) before the timed one. */
    static final int LSTM_WARMUP_EPOCHS = 2;
    /** Series fitted once before the timed auto-ARIMA run (JIT warm-up). */
    static final int ARIMA_WARMUP_SERIES = 3;

    private BenchModels() {
    }

    /**
     * Trains the network once for {@link #LSTM_WARMUP_EPOCHS} epochs, then for {@code --epochs} epochs without
     * early stopping, timing each epoch; prints milliseconds per epoch (median, min, max). JSON:
     * {@code {"model": "lstm", "description": …, "n": …, "hidden": …, "lookback": …, "batch": …, "epochs": …,
     * "msPerEpoch": {"median": …, "min": …, "max": …}}}.
     */
    static int msPerEpoch(BenchCommand cmd, LstmForecaster lstm) {
        TimeSeries s = single(cmd);
        // every configured epoch runs: early stopping would end the timed training at a data-dependent point
        LstmConfig cfg = lstm.config().toBuilder().patience(0).build();
        LstmForecaster timed = lstm.withConfig(cfg);
        ForecastCommand.fit(timed.withConfig(cfg.toBuilder().epochs(Math.min(LSTM_WARMUP_EPOCHS, cfg.epochs()))
                .build()), s, false);
        double[] ms = new double[cfg.epochs()];
        long[] last = {System.nanoTime()};
        int[] count = {0};
        String description = ForecastCommand.fit(timed.withListener(r -> {
            long now = System.nanoTime();
            if (count[0] < ms.length) {
                ms[count[0]++] = (now - last[0]) / 1e6;
            }
            last[0] = now;
        }), s, false).description();
        double[] done = Arrays.copyOf(ms, count[0]);
        Arrays.sort(done);
        int n = done.length;
        double median = n % 2 == 1 ? done[n / 2] : 0.5 * (done[n / 2 - 1] + done[n / 2]);
        cmd.common.write(cmd.spec.commandLine().getOut(), w -> {
            try {
                if (cmd.format == BenchCommand.Format.json) {
                    w.write(String.format(Locale.ROOT, "{\"model\": \"lstm\", \"description\": \"%s\", \"n\": %d, "
                                    + "\"hidden\": %d, \"lookback\": %d, \"batch\": %d, \"epochs\": %d, "
                                    + "\"msPerEpoch\": {\"median\": %s, \"min\": %s, \"max\": %s}}%n",
                            escape(description), s.length(), cfg.hidden(), cfg.lookback(), cfg.batchSize(), n, median,
                            done[0], done[n - 1]));
                } else {
                    w.write(String.format(Locale.ROOT, "%s, n=%d: %.3f ms per epoch (median of %d epochs; min %.3f, "
                            + "max %.3f)%n", description, s.length(), median, n, done[0], done[n - 1]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return 0;
    }

    /**
     * Fits auto-ARIMA to every series of a directory of CSV files (each read with the input flags) or of a panel
     * ({@code --key-column}) on {@code --threads} threads (default 1) and prints series per second. JSON:
     * {@code {"model": "auto-arima", "series": …, "threads": …, "seriesPerSecond": …, "seconds": …,
     * "failures": …}}.
     */
    static int seriesPerSecond(BenchCommand cmd, Forecaster forecaster) {
        List<TimeSeries> series = seriesOf(cmd);
        int threads = cmd.threads == null ? 1 : cmd.threads;
        for (int i = 0; i < Math.min(ARIMA_WARMUP_SERIES, series.size()); i++) {
            try {
                forecaster.fit(series.get(i));
            } catch (RuntimeException e) {
                // warm-up only: the timed run reports failures
            }
        }
        PanelForecaster engine = PanelForecaster.builder(forecaster).horizon(1).levels(80).threads(threads).build();
        PanelSummary s = engine.forecast(series.iterator(), series.size(), r -> { });
        double secs = s.elapsed().toNanos() / 1e9;
        cmd.common.write(cmd.spec.commandLine().getOut(), w -> {
            try {
                if (cmd.format == BenchCommand.Format.json) {
                    w.write(String.format(Locale.ROOT, "{\"model\": \"auto-arima\", \"series\": %d, \"threads\": %d, "
                                    + "\"seriesPerSecond\": %s, \"seconds\": %s, \"failures\": %d}%n", s.series(),
                            threads, s.seriesPerSecond(), secs, s.failures()));
                } else {
                    w.write(String.format(Locale.ROOT, "auto-arima: %d series in %.3f s on %d thread%s: %.2f series "
                                    + "per second (%d failed)%n", s.series(), secs, threads, threads == 1 ? "" : "s",
                            s.seriesPerSecond(), s.failures()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return 0;
    }

    private static TimeSeries single(BenchCommand cmd) {
        InputOptions.Input in = cmd.input.read();
        if (in.series.size() != 1) {
            throw new IllegalArgumentException("bench --model lstm takes one series, got " + in.series.size());
        }
        return in.series.get(0);
    }

    /** The series of {@code --input}: every {@code *.csv} / {@code *.csv.gz} of a directory, or the file's. */
    private static List<TimeSeries> seriesOf(BenchCommand cmd) {
        Path dir = cmd.input.input;
        if (dir == null || !Files.isDirectory(dir)) {
            return cmd.input.read().series;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".csv")
                    || p.getFileName().toString().endsWith(".csv.gz")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no .csv or .csv.gz files in the directory");
        }
        List<TimeSeries> out = new ArrayList<>(files.size());
        try {
            for (Path f : files) {
                cmd.input.input = f;
                out.addAll(cmd.input.read().series);
            }
        } finally {
            cmd.input.input = dir;
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
