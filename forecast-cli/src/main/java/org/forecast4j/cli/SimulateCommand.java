package org.forecast4j.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.forecast4j.core.events.EventSimulator;
import org.forecast4j.core.events.Promotion;
import org.forecast4j.core.events.SimulationConfig;
import org.forecast4j.core.events.SimulationSummary;
import org.forecast4j.core.events.TaobaoWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code forecast4j simulate}: writes simulated e-commerce events in the Taobao layout (see
 * {@link EventSimulator} and docs/events.md). Streams: memory does not grow with the number of events.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Simulate e-commerce behaviour events in the Taobao layout (user,item,category,type,ts).")
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--users", paramLabel = "<n>", defaultValue = "10000", description = "Users. Default: "
            + "${DEFAULT-VALUE}.")
    int users;

    @Option(names = "--days", paramLabel = "<n>", defaultValue = "9", description = "Days. Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "42", description = "Random seed. Default: "
            + "${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--start", paramLabel = "<date>", defaultValue = "2017-11-25", description = "First local "
            + "date. Default: ${DEFAULT-VALUE}.")
    String start;

    @Option(names = "--zone", paramLabel = "<zone>", defaultValue = "Asia/Shanghai", description = "Zone of the "
            + "local clock. Default: ${DEFAULT-VALUE}.")
    String zone;

    @Option(names = "--categories", paramLabel = "<n>", defaultValue = "50", description = "Categories. Default: "
            + "${DEFAULT-VALUE}.")
    int categories;

    @Option(names = "--items-per-category", paramLabel = "<n>", defaultValue = "200", description = "Items per "
            + "category. Default: ${DEFAULT-VALUE}.")
    int itemsPerCategory;

    @Option(names = "--views-per-user-day", paramLabel = "<x>", defaultValue = "8", description = "Mean page "
            + "views per user and day. Default: ${DEFAULT-VALUE}.")
    double viewsPerUserDay;

    @Option(names = "--stockout-rate", paramLabel = "<p>", defaultValue = "0.02", description = "Daily item "
            + "stock-out probability. Default: ${DEFAULT-VALUE}.")
    double stockOutRate;

    @Option(names = "--promotion", paramLabel = "<date:lift>", description = "A promotion day and its traffic "
            + "lift, e.g. 2017-12-02:3 (7 warm-up and 3 hangover days); repeatable.")
    List<String> promotions = new ArrayList<>();

    @Option(names = "--output", paramLabel = "<file>", required = true, description = "Event file (.gz to "
            + "compress).")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            SimulationConfig.Builder b = SimulationConfig.builder().users(users).days(days).seed(seed)
                    .start(date(start, "--start")).zone(AggregateCommand.zone(zone, "--zone"))
                    .catalogue(categories, itemsPerCategory).viewsPerUserDay(viewsPerUserDay)
                    .stockOutRate(stockOutRate);
            for (String p : promotions) {
                int colon = p.lastIndexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("--promotion must be date:lift like 2017-12-02:3, got '" + p
                            + "'");
                }
                double lift;
                try {
                    lift = Double.parseDouble(p.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--promotion lift must be a number, got '" + p + "'", e);
                }
                b.promotion(Promotion.of(date(p.substring(0, colon), "--promotion"), lift));
            }
            SimulationConfig cfg = b.build();
            SimulationSummary s;
            try (TaobaoWriter w = TaobaoWriter.to(output)) {
                s = new EventSimulator(cfg).run(w);
            }
            spec.commandLine().getOut().println("simulated " + s.events() + " events (pv " + s.pageViews() + ", fav "
                    + s.favs() + ", cart " + s.carts() + ", buy " + s.buys() + ") to " + output);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException | DateTimeException e) {
            err.println("forecast4j: " + AggregateCommand.oneLine(e.getMessage()));
            err.flush();
            return 2;
        }
    }

    private static LocalDate date(String text, String flag) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(flag + " date must be ISO like 2017-11-25, got '" + text + "'", e);
        }
    }
}
