package org.forecast4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Level;
import org.forecast4j.core.arima.select.AutoArimaModel;
import org.forecast4j.core.io.ForecastCsvWriter;
import org.forecast4j.core.panel.PanelForecaster;
import org.forecast4j.core.panel.PanelRunException;
import org.forecast4j.core.panel.PanelSummary;
import org.forecast4j.core.panel.SeriesResult;
import org.forecast4j.core.panel.SeriesStatus;

/**
 * {@code forecast --key-column}: forecasts every series of a panel through the core panel engine
 * ({@link PanelForecaster}: bounded thread pool, results in input order, failures isolated per series) and writes
 * each result as soon as it arrives, then prints a summary on standard error.
 *
 * <p>JSON: one entry per series with {@code "status"} ({@code "ok"}, {@code "fallback"}, {@code "failed"}); a
 * failed series is {@code {"series", "status": "failed", "error", "errorType"}}. CSV: a failed series has no rows
 * (the summary names it).
 */
final class PanelOutput {

    /** Failed series listed by name in the summary; the rest are counted. */
    static final int LISTED_FAILURES = 10;

    private PanelOutput() {
    }

    /**
     * Runs the panel and writes the results.
     *
     * @param cmd        the command (output, format, threads, quiet)
     * @param forecaster the model
     * @param in         the panel
     * @param h          horizon
     * @param lv         levels
     * @param bars       whether to draw a progress bar
     * @return the exit code (0: the run completed, whatever the per-series failures)
     */
    static int run(ForecastCommand cmd, Forecaster forecaster, InputOptions.Input in, int h, List<Level> lv,
                   boolean bars) {
        PrintWriter err = cmd.spec.commandLine().getErr();
        ModelCapture capture = new ModelCapture(forecaster);
        double[] percents = new double[lv.size()];
        for (int i = 0; i < percents.length; i++) {
            percents[i] = lv.get(i).percent();
        }
        PanelForecaster.Builder b = PanelForecaster.builder(capture).horizon(h).levels(percents);
        if (cmd.threads != null) {
            b.threads(cmd.threads);
        }
        long total = in.series.size();
        ProgressBars.Bar bar = bars ? ProgressBars.open(err, "forecast", total, "series") : null;
        if (bar != null) {
            b.progressListener(p -> bar.update(p.done(), p.failures() > 0 ? p.failures() + " failed" : null));
        }
        PanelForecaster engine = b.build();
        Tally tally = new Tally();
        PanelSummary[] summary = new PanelSummary[1];
        try {
            cmd.common.write(cmd.spec.commandLine().getOut(), w -> {
                try {
                    if (cmd.format == ForecastCommand.Format.json) {
                        try (ForecastJsonWriter.Streaming js = new ForecastJsonWriter.Streaming(w)) {
                            summary[0] = engine.forecast(in.panel, r -> {
                                try {
                                    tally.add(r, capture, js, null);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
                        }
                    } else {
                        ForecastCsvWriter csv = new ForecastCsvWriter(w, lv);
                        summary[0] = engine.forecast(in.panel, r -> {
                            try {
                                tally.add(r, capture, null, csv);
                                w.flush();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                        csv.flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (PanelRunException e) {
            // a write error (e.g. disk full) surfaces as the run's failure: report the cause itself
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        if (!cmd.quiet) {
            tally.summary(summary[0], engine.threads(), err);
        }
        return 0;
    }

    /** Counts of the delivered results, for the summary (used from the consumer, one result at a time). */
    private static final class Tally {
        long ok;
        long fallbacks;
        long failures;
        final Map<String, Long> byReason = new LinkedHashMap<>();
        final List<String> failed = new ArrayList<>();

        void add(SeriesResult r, ModelCapture capture, ForecastJsonWriter.Streaming js, ForecastCsvWriter csv)
                throws IOException {
            if (!r.hasForecast()) {
                failures++;
                byReason.merge(reasonClass(r.failureReason()), 1L, Long::sum);
                if (failed.size() < LISTED_FAILURES) {
                    failed.add(r.key() + " (" + r.failureReason() + ")");
                }
                if (js != null) {
                    js.failure(r.key(), r.failureReason(), r.failureType());
                }
                return;
            }
            FittedModel m = capture.take(r.forecast());
            String fallbackReason = null;
            if (r.status() == SeriesStatus.FALLBACK) {
                fallbackReason = r.failureReason();
            } else if (m instanceof AutoArimaModel && ((AutoArimaModel) m).isFallback()) {
                fallbackReason = ((AutoArimaModel) m).fallbackReason();
            }
            if (fallbackReason != null) {
                fallbacks++;
            } else {
                ok++;
            }
            if (js != null) {
                js.forecast(new ForecastJsonWriter.Result(m, r.forecast()), fallbackReason);
            } else {
                csv.write(r.forecast());
            }
        }

        void summary(PanelSummary s, int threads, PrintWriter err) {
            double secs = s.elapsed().toNanos() / 1e9;
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "forecast4j: %d series: %d ok, %d fallback%s, %d failed; "
                            + "%.3f s, %.1f series/s on %d thread%s", s.series(), ok, fallbacks,
                    fallbacks == 1 ? "" : "s", failures, secs, s.seriesPerSecond(), threads, threads == 1 ? "" : "s"));
            synchronized (err) {
                err.println(b);
                for (Map.Entry<String, Long> e : byReason.entrySet()) {
                    err.println("  failures: " + e.getValue() + " x " + e.getKey());
                }
                for (String f : failed) {
                    err.println("  failed: " + f);
                }
                if (failures > failed.size()) {
                    err.println("  ... and " + (failures - failed.size()) + " more failed series");
                }
                err.flush();
            }
        }
    }

    /**
     * A failure reason with the series-specific parts (quoted names, numbers) masked, so that failures of the same
     * kind are counted together: {@code "IllegalArgumentException: series 'x' has 5 observations"} becomes
     * {@code "IllegalArgumentException: series '…' has # observations"}.
     *
     * @param reason the failure reason
     * @return its class
     */
    static String reasonClass(String reason) {
        if (reason == null) {
            return "unknown";
        }
        return reason.replaceAll("'[^']*'", "'…'").replaceAll("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?", "#");
    }
}
