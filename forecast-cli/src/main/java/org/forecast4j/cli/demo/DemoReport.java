package org.forecast4j.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.forecast4j.allocation.Allocation;
import org.forecast4j.allocation.Cell;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.metrics.Accuracy;
import org.forecast4j.core.metrics.Metric;
import org.forecast4j.core.metrics.MetricValue;

/**
 * The self-contained HTML report of a demo run: tables, JFreeChart PNG charts embedded as {@code data:} URIs (no
 * network access needed to view it), and every number in a JSON block ({@code <script type="application/json"
 * id="forecast4j-demo-data">}) for programs and tests.
 */
final class DemoReport {

    /** Id of the embedded JSON block. */
    static final String DATA_ID = "forecast4j-demo-data";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoReport() {
    }

    static void write(DemoResult r, DemoConfig cfg, Path file) {
        String html = html(r, cfg);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --report " + file + ": " + e.getMessage(), e);
        }
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String fmt(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,." + decimals + "f", v) : "n/a";
    }

    private static String metric(Accuracy a, Metric m) {
        MetricValue v = a.get(m);
        return v.isDefined() ? fmt(v.value(), 3) : "n/a";
    }

    private static String coverage(Accuracy a, double level) {
        for (var l : a.levels()) {
            if (l.percent() == level) {
                MetricValue v = a.get(Metric.COVERAGE, l);
                return v.isDefined() ? fmt(v.value(), 2) : "n/a";
            }
        }
        return "n/a";
    }

    private static String img(String alt, byte[] png, String cls) {
        return "<img class=\"chart " + cls + "\" alt=\"" + esc(alt) + "\" src=\"" + DemoCharts.dataUri(png) + "\">\n";
    }

    static String html(DemoResult r, DemoConfig cfg) {
        StringBuilder h = new StringBuilder(1 << 20);
        List<String> keys = r.panel.keys();
        Allocation plan = r.plan;
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>forecast4j demo report</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:960px;"
                        + "margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n")
                .append("table{border-collapse:collapse;margin:0.6em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}\n")
                .append("td.chosen{font-weight:bold;background:#e8f0fc}img.chart{display:block;max-width:100%;"
                        + "margin:0.8em 0;border:1px solid #eee}\n.note{color:#555;font-size:0.92em}\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>forecast4j demo report</h1>\n<p class=\"note\">").append(esc(r.source)).append("</p>\n");
        h.append("<p>Pipeline: behaviour events → daily purchases per category → rolling-origin backtest of ")
                .append(esc(String.join(", ", r.models)))
                .append(" on the same folds → per-series choice by MASE → forecasts of the next ")
                .append(r.backtest.horizon()).append(" days with 80% and 95% intervals → a plan for a budget of ")
                .append(fmt(plan.problem().budget(), 0)).append(" over category × channel × day.");
        if (!r.upcomingPromotions.isEmpty()) {
            h.append(" Promotion ahead: <b>").append(r.upcomingPromotions.get(0)).append("</b>.");
        }
        h.append("</p>\n");
        h.append(String.format(Locale.ROOT, "<p class=\"note\">Run time: data %.1f s, backtest %.1f s, forecasts "
                + "%.1f s, allocation %.1f s.</p>\n", r.seconds[0], r.seconds[1], r.seconds[2], r.seconds[3]));

        // 1. backtest
        int folds = r.backtest.folds(r.models.get(0), keys.get(0)).size();
        h.append("<h2>1. Which model forecasts best? (backtest)</h2>\n<p>Each model was fitted on the history up to ")
                .append(folds).append(" forecast origins ").append(cfg.step)
                .append(" days apart and forecast the next ")
                .append(r.backtest.horizon()).append(" days; the errors are measured against what happened. MASE "
                        + "below 1 beats the in-sample seasonal naive forecast. The model with the lowest MASE "
                        + "(highlighted) forecasts each series.</p>\n");
        h.append("<table id=\"accuracy\">\n<tr><th class=\"l\">series</th><th class=\"l\">model</th><th>MASE</th>"
                + "<th>MAE</th><th>RMSE</th><th>sMAPE</th><th>coverage 80%</th><th>coverage 95%</th>"
                + "<th>failed folds</th></tr>\n");
        for (String key : keys) {
            for (String m : r.models) {
                Accuracy a = r.backtest.accuracy(m, key);
                boolean chosen = m.equals(r.chosen.get(key));
                String c = chosen ? " class=\"chosen\"" : "";
                int failed = 0;
                for (var f : r.backtest.folds(m, key)) {
                    failed += f.succeeded() ? 0 : 1;
                }
                h.append("<tr data-series=\"").append(esc(key)).append("\" data-model=\"").append(esc(m))
                        .append("\"><td class=\"l\">").append(esc(key)).append("</td><td class=\"l").append(
                                chosen ? " chosen" : "").append("\">").append(esc(m)).append(chosen ? " ✓" : "")
                        .append("</td><td").append(c).append(" data-metric=\"mase\">").append(metric(a, Metric.MASE))
                        .append("</td><td").append(c).append(">").append(metric(a, Metric.MAE))
                        .append("</td><td").append(c).append(">").append(metric(a, Metric.RMSE))
                        .append("</td><td").append(c).append(">").append(metric(a, Metric.SMAPE))
                        .append("</td><td").append(c).append(">").append(coverage(a, 80))
                        .append("</td><td").append(c).append(">").append(coverage(a, 95))
                        .append("</td><td").append(c).append(">").append(failed).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
        h.append(img("Backtest MASE per series and model", DemoCharts.maseBars(r.backtest, r.models, keys), "mase"));
        h.append(img("Backtest MAE by days ahead per model", DemoCharts.maeByStep(r.backtest, r.models), "mae"));

        // 2. forecasts
        h.append("<h2>2. Forecasts</h2>\n<p>The last ").append(DemoCharts.HISTORY_SHOWN).append(" days of history "
                + "(grey) and the chosen model's forecast (blue line) with its 80% (darker) and 95% (lighter) "
                + "prediction intervals.</p>\n<table id=\"models\">\n<tr><th class=\"l\">series</th>"
                + "<th class=\"l\">chosen</th><th class=\"l\">fitted model</th></tr>\n");
        for (String key : keys) {
            h.append("<tr><td class=\"l\">").append(esc(key)).append("</td><td class=\"l\">")
                    .append(esc(r.chosen.get(key))).append("</td><td class=\"l\">")
                    .append(esc(r.chosenDescription.get(key))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (String key : keys) {
            h.append(img("Forecast of " + key, DemoCharts.forecast(key, r.chosen.get(key), r.panel.get(key),
                    r.forecasts.get(key)), "forecast"));
        }

        // 3. plan
        List<DemoSummary.PlanLine> lines = DemoSummary.planLines(plan);
        h.append("<h2>3. The plan</h2>\n<p>").append(String.format(Locale.ROOT, "Expected incremental value "
                        + "<b>%s</b> vs %s for an even split of the budget over all %d cells (<b>%+.1f%%</b>). "
                        + "Solver: %s, status %s, certified relative gap %.1e.", fmt(plan.objectiveValue(), 0),
                fmt(r.evenSplitValue, 0), plan.problem().cells().size(), 100 * r.upliftVsEven(), esc(plan.solver()),
                plan.status().jsonName(), plan.gap()))
                .append("</p>\n<table id=\"plan\">\n<tr><th class=\"l\">category</th><th class=\"l\">channel</th>"
                        + "<th>spend</th><th>expected incremental value</th><th class=\"l\">largest spend on</th>"
                        + "</tr>\n");
        for (DemoSummary.PlanLine l : lines) {
            h.append("<tr><td class=\"l\">").append(esc(l.category)).append("</td><td class=\"l\">")
                    .append(esc(l.channel)).append("</td><td>").append(fmt(l.spend, 0)).append("</td><td>")
                    .append(fmt(l.value, 0)).append("</td><td class=\"l\">")
                    .append(l.spend > 0 ? esc(l.peakDate) : "—")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        List<String> rows = new ArrayList<>();
        for (String key : keys) {
            for (Channel ch : Channel.ALL) {
                rows.add(key + " · " + ch.name());
            }
        }
        h.append(img("Allocation heat-map: spend per category × channel and day",
                DemoCharts.heatmap(plan, rows, r.forecasts.get(keys.get(0)).labels()), "heatmap"));
        double[] even = new double[r.frontierBudgets.length];
        for (int i = 0; i < even.length; i++) {
            even[i] = DemoPipeline.evenSplitValue(plan.problem().withBudget(r.frontierBudgets[i]));
        }
        h.append(img("Budget to value frontier", DemoCharts.frontier(r.frontierBudgets, r.frontierValues, even,
                plan.problem().budget()), "frontier"));

        // 4. assumptions
        h.append("<h2>4. Assumptions of the plan</h2>\n<ul>\n");
        for (int c = 0; c < Channel.ALL.size(); c++) {
            Channel ch = Channel.ALL.get(c);
            h.append("<li><b>").append(ch.name()).append("</b> (").append(fmt(100 * r.channelShares[c], 1))
                    .append("% of purchases, ").append(r.sharesMeasured ? "measured" : "assumed").append("): ")
                    .append(esc(ch.description())).append(" — the lift multiplies the cell's baseline purchases."
                            + "</li>\n");
        }
        h.append("<li>Value of a purchase (average order value) per category: ");
        List<String> vals = new ArrayList<>();
        for (String key : keys) {
            vals.add(esc(key) + " " + fmt(r.valuePerUnit.get(key), 0));
        }
        h.append(String.join(", ", vals)).append(".</li>\n<li>Fulfilment capacity per category and day: ")
                .append(fmt(DemoPipeline.CAPACITY_FACTOR, 0)).append("× the median daily purchases of the history, "
                        + "shared by channels in proportion to their purchases; the forecast's 80%/95% intervals "
                        + "give the chance that demand exceeds it.</li>\n<li>Each cell's baseline is the chosen "
                        + "model's forecast for that category and day times the channel's share.</li>\n</ul>\n");

        // data
        h.append("<script type=\"application/json\" id=\"").append(DATA_ID).append("\">\n")
                .append(json(r, cfg).replace("</", "<\\/")).append("\n</script>\n</body>\n</html>\n");
        return h.toString();
    }

    static String json(DemoResult r, DemoConfig cfg) {
        ObjectNode root = JSON.createObjectNode();
        root.put("source", r.source);
        root.put("seed", cfg.seed);
        root.put("quick", cfg.quick);
        root.put("horizon", r.backtest.horizon());
        root.put("budget", r.plan.problem().budget());
        root.put("initialWindow", r.backtest.backtest().initialWindow());
        root.put("step", r.backtest.backtest().step());
        root.put("folds", r.backtest.folds(r.models.get(0), r.panel.keys().get(0)).size());
        ArrayNode models = root.putArray("models");
        r.models.forEach(models::add);
        ArrayNode promos = root.putArray("upcomingPromotions");
        r.upcomingPromotions.forEach(d -> promos.add(d.toString()));
        ObjectNode shares = root.putObject("channelShares");
        for (int c = 0; c < Channel.ALL.size(); c++) {
            shares.put(Channel.ALL.get(c).name(), r.channelShares[c]);
        }
        ArrayNode series = root.putArray("series");
        for (String key : r.panel.keys()) {
            ObjectNode s = series.addObject();
            s.put("key", key);
            s.put("chosen", r.chosen.get(key));
            s.put("description", r.chosenDescription.get(key));
            s.put("valuePerUnit", r.valuePerUnit.get(key));
            s.put("capacity", r.capacity.get(key));
            if (r.fitted.get(key) instanceof RegressionArima.Fitted) {
                FittedArima a = ((RegressionArima.Fitted) r.fitted.get(key)).arima();
                ObjectNode an = s.putObject("arima");
                array(an, "order", a.order());
                array(an, "seasonalOrder", a.seasonalOrder());
                an.put("period", a.period());
                an.put("drift", a.spec().includeDrift());
                ArrayNode xr = an.putArray("regressors");
                ((RegressionArima.Fitted) r.fitted.get(key)).regressors().forEach(xr::add);
                an.put("aicc", a.aicc());
            }
            ObjectNode mase = s.putObject("mase");
            for (String m : r.models) {
                MetricValue v = r.backtest.accuracy(m, key).get(Metric.MASE);
                if (v.isDefined()) {
                    mase.put(m, v.value());
                } else {
                    mase.putNull(m);
                }
            }
            TimeSeries y = r.panel.get(key);
            s.put("start", y.label(0));
            ArrayNode hv = s.putArray("history");
            for (double v : y.values()) {
                hv.add(v);
            }
            Forecast f = r.forecasts.get(key);
            ObjectNode fo = s.putObject("forecast");
            ArrayNode labels = fo.putArray("dates");
            f.labels().forEach(labels::add);
            array(fo, "mean", f.mean());
            array(fo, "lo80", f.lower(80));
            array(fo, "hi80", f.upper(80));
            array(fo, "lo95", f.lower(95));
            array(fo, "hi95", f.upper(95));
        }
        ObjectNode plan = root.putObject("plan");
        plan.put("objective", r.plan.objectiveValue());
        plan.put("evenSplit", r.evenSplitValue);
        plan.put("uplift", r.upliftVsEven());
        plan.put("status", r.plan.status().jsonName());
        plan.put("gap", r.plan.gap());
        plan.put("totalSpend", r.plan.totalSpend());
        ArrayNode cells = plan.putArray("cells");
        List<Cell> cl = r.plan.problem().cells();
        double[] spend = r.plan.spend();
        double[] value = r.plan.incrementalValue();
        for (int i = 0; i < cl.size(); i++) {
            ObjectNode c = cells.addObject();
            c.put("category", cl.get(i).labels().get("category"));
            c.put("channel", cl.get(i).labels().get("channel"));
            c.put("date", cl.get(i).labels().get("date"));
            c.put("spend", spend[i]);
            c.put("value", value[i]);
        }
        ObjectNode fr = root.putObject("frontier");
        array(fr, "budgets", r.frontierBudgets);
        array(fr, "values", r.frontierValues);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report data as JSON", e);
        }
    }

    private static void array(ObjectNode o, String name, int[] v) {
        ArrayNode a = o.putArray(name);
        for (int x : v) {
            a.add(x);
        }
    }

    private static void array(ObjectNode o, String name, double[] v) {
        ArrayNode a = o.putArray(name);
        for (double x : v) {
            a.add(x);
        }
    }
}
