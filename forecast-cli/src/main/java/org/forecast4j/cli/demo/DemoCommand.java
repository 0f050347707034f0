package org.forecast4j.cli.demo;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.forecast4j.core.ModelFitException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code forecast4j demo}: the whole pipeline on simulated (or the user's) behaviour events, a text summary on
 * standard output, progress on standard error and a self-contained HTML report. See {@code docs/demo.md}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline: simulated behaviour events -> daily purchases per category -> "
                + "backtest of snaive, ARIMA and LSTM -> forecasts with 80/95% intervals -> a budget plan per "
                + "category x channel x day; writes an HTML report (see docs/demo.md)."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--budget", paramLabel = "<amount>", defaultValue = "20000",
            description = "Marketing budget to allocate over the horizon. Default: ${DEFAULT-VALUE}.")
    double budget;

    @Option(names = "--horizon", paramLabel = "<days>", defaultValue = "14",
            description = "Days to forecast and plan (also the backtest horizon). Default: ${DEFAULT-VALUE}.")
    int horizon;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "42",
            description = "Seed of the simulator and the LSTM. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--events", paramLabel = "<file>",
            description = "Behaviour events in the Taobao layout (user,item,category,type,unix seconds; .gz "
                    + "allowed) instead of simulated ones.")
    Path events;

    @Option(names = "--zone", paramLabel = "<zone>", defaultValue = "Asia/Shanghai",
            description = "Time zone of day boundaries for --events. Default: ${DEFAULT-VALUE}.")
    String zone;

    @Option(names = "--report", paramLabel = "<file>", defaultValue = "report.html",
            description = "HTML report to write. Default: ${DEFAULT-VALUE} in the working directory.")
    Path report;

    @Option(names = "--quick", description = "A small configuration (fewer users, days, categories and epochs) "
            + "for tests.")
    boolean quick;

    @Option(names = "--verbose", description = "Print the stack trace of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        // charts are drawn off-screen; never open a window or need a display
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        try {
            DemoConfig cfg = (quick ? DemoConfig.quick() : DemoConfig.standard()).withSeed(seed).withHorizon(horizon)
                    .withBudget(budget);
            if (events != null) {
                if (!Files.isReadable(events)) {
                    throw new IllegalArgumentException("--events file not found or not readable: " + events);
                }
                ZoneId z;
                try {
                    z = ZoneId.of(zone);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("--zone must be a time zone like Asia/Shanghai, got '" + zone
                            + "'", e);
                }
                cfg = cfg.withEvents(events, z);
            }
            DemoResult r = new DemoPipeline(cfg, line -> {
                err.println("forecast4j demo: " + line);
                err.flush();
            }).run();
            err.println("forecast4j demo: writing the report " + report + "…");
            err.flush();
            DemoReport.write(r, cfg, report);
            DemoSummary.print(r, out, report.toAbsolutePath().normalize().toString());
            err.printf(Locale.ROOT, "forecast4j demo: done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            err.flush();
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException | DateTimeException e) {
            return fail(err, e, 2);
        } catch (ModelFitException e) {
            return fail(err, e, 3);
        }
    }

    private int fail(PrintWriter err, Exception e, int code) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("forecast4j: " + m.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim());
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
