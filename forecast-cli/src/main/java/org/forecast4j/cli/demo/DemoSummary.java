package org.forecast4j.cli.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.forecast4j.allocation.Allocation;
import org.forecast4j.allocation.Cell;
import org.forecast4j.core.metrics.Metric;
import org.forecast4j.core.metrics.MetricValue;

/** The short text summary of a demo run: accuracy table, the plan's top lines, uplift vs an even split. */
final class DemoSummary {

    /** Number of plan lines printed. */
    static final int TOP_LINES = 5;

    private DemoSummary() {
    }

    /** One line of the plan: a category × channel over all days. */
    static final class PlanLine {
        final String category;
        final String channel;
        double spend;
        double value;
        String peakDate;
        double peakSpend = -1;

        PlanLine(String category, String channel) {
            this.category = category;
            this.channel = channel;
        }
    }

    /** Plan lines (category × channel totals over the days), by spend, largest first. */
    static List<PlanLine> planLines(Allocation plan) {
        Map<String, PlanLine> lines = new LinkedHashMap<>();
        List<Cell> cells = plan.problem().cells();
        double[] spend = plan.spend();
        double[] value = plan.incrementalValue();
        for (int i = 0; i < cells.size(); i++) {
            Map<String, String> lab = cells.get(i).labels();
            String id = lab.get("category") + "|" + lab.get("channel");
            PlanLine l = lines.computeIfAbsent(id, k -> new PlanLine(lab.get("category"), lab.get("channel")));
            l.spend += spend[i];
            l.value += value[i];
            if (spend[i] > l.peakSpend) {
                l.peakSpend = spend[i];
                l.peakDate = lab.get("date");
            }
        }
        List<PlanLine> list = new ArrayList<>(lines.values());
        list.sort((a, b) -> Double.compare(b.spend, a.spend));
        return list;
    }

    static String mase(DemoResult r, String model, String key) {
        MetricValue v = r.backtest.accuracy(model, key).get(Metric.MASE);
        return v.isDefined() ? String.format(Locale.ROOT, "%.3f", v.value()) : "n/a";
    }

    static void print(DemoResult r, PrintWriter out, String reportPath) {
        out.println("forecast4j demo — " + r.source);
        out.println();
        out.printf(Locale.ROOT, "Backtest: MASE over %d folds × %d days (lower is better; * = chosen per series)%n",
                r.backtest.folds(r.models.get(0), r.panel.keys().get(0)).size(), r.backtest.horizon());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-14s", "series"));
        for (String m : r.models) {
            head.append(String.format(Locale.ROOT, "%10s", m));
        }
        out.println(head);
        for (String key : r.panel.keys()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-14s", key));
            for (String m : r.models) {
                row.append(String.format(Locale.ROOT, "%10s", mase(r, m, key) + (m.equals(r.chosen.get(key)) ? "*"
                        : " ")));
            }
            out.println(row);
        }
        out.println();
        Allocation plan = r.plan;
        out.printf(Locale.ROOT, "Plan: budget %,.0f over %d categories × %d channels × %d days (%s to %s)%s%n",
                plan.problem().budget(), r.panel.size(), Channel.ALL.size(), r.backtest.horizon(),
                firstDate(r), lastDate(r), r.upcomingPromotions.isEmpty() ? ""
                        : "; promotion ahead on " + r.upcomingPromotions.get(0));
        List<PlanLine> lines = planLines(plan);
        for (int i = 0; i < Math.min(TOP_LINES, lines.size()); i++) {
            PlanLine l = lines.get(i);
            out.printf(Locale.ROOT, "  %-14s %-5s spend %,10.0f  expected +%,11.0f  (largest on %s)%n", l.category,
                    l.channel, l.spend, l.value, l.peakDate);
        }
        out.printf(Locale.ROOT, "Expected incremental value %,.0f vs %,.0f for an even split (%+.1f%%); "
                + "solver %s, %s, gap %.1e%n", plan.objectiveValue(), r.evenSplitValue, 100 * r.upliftVsEven(),
                plan.solver(), plan.status().jsonName(), plan.gap());
        if (reportPath != null) {
            out.println("Report: " + reportPath);
        }
        out.flush();
    }

    static String firstDate(DemoResult r) {
        return r.forecasts.get(r.panel.keys().get(0)).labels().get(0);
    }

    static String lastDate(DemoResult r) {
        List<String> l = r.forecasts.get(r.panel.keys().get(0)).labels();
        return l.get(l.size() - 1);
    }
}
