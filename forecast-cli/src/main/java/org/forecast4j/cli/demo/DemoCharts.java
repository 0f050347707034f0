package org.forecast4j.cli.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.forecast4j.allocation.Allocation;
import org.forecast4j.allocation.Cell;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.backtest.BacktestResult;
import org.forecast4j.core.metrics.Metric;
import org.forecast4j.core.metrics.MetricValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts, drawn with JFreeChart (headless: no window is opened) and encoded as PNG. Each method
 * returns the PNG bytes.
 */
final class DemoCharts {

    /** History days shown before the forecast. */
    static final int HISTORY_SHOWN = 56;
    private static final Color HISTORY = new Color(0x33, 0x33, 0x33);
    private static final Color FORECAST = new Color(0x1f, 0x5f, 0xbf);
    private static final Color[] MODEL_COLORS = {new Color(0x99, 0x99, 0x99), new Color(0x1f, 0x5f, 0xbf),
        new Color(0xd9, 0x6c, 0x1e), new Color(0x2c, 0x9c, 0x4a)};

    private DemoCharts() {
    }

    static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(width, height));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG: " + e.getMessage(), e);
        }
    }

    private static long millis(TimeSeries s, long i) {
        return s.timestamp(i).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** History (last {@link #HISTORY_SHOWN} days) and the forecast mean with its 80% and 95% bands. */
    static byte[] forecast(String key, String model, TimeSeries history, Forecast f) {
        int n = history.length();
        XYSeries hist = new XYSeries("history");
        for (int i = Math.max(0, n - HISTORY_SHOWN); i < n; i++) {
            hist.add(millis(history, i), history.get(i));
        }
        YIntervalSeries b95 = new YIntervalSeries("95% interval");
        YIntervalSeries b80 = new YIntervalSeries("80% interval");
        double[] mean = f.mean();
        double[] lo80 = f.lower(80);
        double[] hi80 = f.upper(80);
        double[] lo95 = f.lower(95);
        double[] hi95 = f.upper(95);
        for (int t = 0; t < mean.length; t++) {
            long x = millis(history, n + t);
            b95.add(x, mean[t], lo95[t], hi95[t]);
            b80.add(x, mean[t], lo80[t], hi80[t]);
        }
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(b95);
        bands.addSeries(b80);
        DeviationRenderer dr = new DeviationRenderer(true, false);
        dr.setSeriesPaint(0, FORECAST);
        dr.setSeriesFillPaint(0, new Color(0x9d, 0xbb, 0xea));
        dr.setSeriesPaint(1, FORECAST);
        dr.setSeriesFillPaint(1, new Color(0x5b, 0x8d, 0xd9));
        dr.setSeriesStroke(0, new BasicStroke(2f));
        dr.setSeriesStroke(1, new BasicStroke(2f));
        dr.setAlpha(0.55f);
        XYLineAndShapeRenderer hr = new XYLineAndShapeRenderer(true, false);
        hr.setSeriesPaint(0, HISTORY);
        hr.setSeriesStroke(0, new BasicStroke(1.5f));
        DateAxis time = new DateAxis("date");
        time.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        NumberAxis y = new NumberAxis("purchases per day");
        XYPlot plot = new XYPlot(bands, time, y, dr);
        plot.setDataset(1, new XYSeriesCollection(hist));
        plot.setRenderer(1, hr);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.addDomainMarker(new ValueMarker(millis(history, n - 1) + 43_200_000L, Color.GRAY,
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f)));
        JFreeChart chart = new JFreeChart(key + " — " + model, new Font("SansSerif", Font.BOLD, 14), plot, true);
        return png(chart, 900, 320);
    }

    /** MASE per series and model (grouped bars). */
    static byte[] maseBars(BacktestResult r, List<String> models, List<String> keys) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (String key : keys) {
            for (String m : models) {
                MetricValue v = r.accuracy(m, key).get(Metric.MASE);
                if (v.isDefined()) {
                    d.addValue(v.value(), m, key);
                }
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Backtest MASE per series (lower is better)", "series",
                "MASE", d, PlotOrientation.VERTICAL, true, false, false);
        for (int i = 0; i < models.size(); i++) {
            chart.getCategoryPlot().getRenderer().setSeriesPaint(i, MODEL_COLORS[i % MODEL_COLORS.length]);
        }
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
        return png(chart, 900, 320);
    }

    /** MAE by horizon step per model, pooled over series and folds. */
    static byte[] maeByStep(BacktestResult r, List<String> models) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (String m : models) {
            XYSeries s = new XYSeries(m);
            for (int step = 1; step <= r.horizon(); step++) {
                MetricValue v = r.accuracy(m, step).get(Metric.MAE);
                if (v.isDefined()) {
                    s.add(step, v.value());
                }
            }
            c.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Backtest MAE by days ahead (all series and folds)",
                "days ahead", "MAE (purchases)", c, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer rr = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < models.size(); i++) {
            rr.setSeriesPaint(i, MODEL_COLORS[i % MODEL_COLORS.length]);
            rr.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(rr);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return png(chart, 900, 320);
    }

    /** A white-to-blue scale from 0 to {@code max}. */
    static final class BlueScale implements PaintScale {
        private final double max;

        BlueScale(double max) {
            this.max = max > 0 ? max : 1;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return max;
        }

        @Override
        public Paint getPaint(double value) {
            double f = Math.max(0, Math.min(1, value / max));
            int r = (int) Math.round(255 - f * (255 - 0x0b));
            int g = (int) Math.round(255 - f * (255 - 0x3d));
            int b = (int) Math.round(255 - f * (255 - 0x91));
            return new Color(r, g, b);
        }
    }

    /** The plan as a heat-map: one row per category × channel, one column per day, colour = spend. */
    static byte[] heatmap(Allocation plan, List<String> rows, List<String> days) {
        List<Cell> cells = plan.problem().cells();
        double[] spend = plan.spend();
        int n = cells.size();
        double[][] xyz = new double[3][n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            java.util.Map<String, String> lab = cells.get(i).labels();
            xyz[0][i] = days.indexOf(lab.get("date"));
            xyz[1][i] = rows.indexOf(lab.get("category") + " · " + lab.get("channel"));
            xyz[2][i] = spend[i];
            max = Math.max(max, spend[i]);
        }
        DefaultXYZDataset d = new DefaultXYZDataset();
        d.addSeries("spend", xyz);
        XYBlockRenderer br = new XYBlockRenderer();
        BlueScale scale = new BlueScale(max);
        br.setPaintScale(scale);
        String[] dayLabels = new String[days.size()];
        for (int i = 0; i < dayLabels.length; i++) {
            dayLabels[i] = days.get(i).length() >= 10 ? days.get(i).substring(5, 10) : days.get(i);
        }
        SymbolAxis x = new SymbolAxis("day", dayLabels);
        x.setGridBandsVisible(false);
        SymbolAxis y = new SymbolAxis(null, rows.toArray(new String[0]));
        y.setGridBandsVisible(false);
        y.setInverted(true);
        XYPlot plot = new XYPlot(d, x, y, br);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart("Spend per cell and day", new Font("SansSerif", Font.BOLD, 14), plot,
                false);
        NumberAxis legendAxis = new NumberAxis("spend");
        legendAxis.setRange(0, scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        legend.setFrame(new BlockBorder(Color.WHITE));
        chart.addSubtitle(legend);
        return png(chart, 900, Math.max(260, 60 + 22 * rows.size()));
    }

    /** Budget → optimal value and the even split's value, with the plan's budget marked. */
    static byte[] frontier(double[] budgets, double[] optimal, double[] even, double budget) {
        XYSeries o = new XYSeries("optimal plan");
        XYSeries e = new XYSeries("even split");
        for (int i = 0; i < budgets.length; i++) {
            o.add(budgets[i], optimal[i]);
            e.add(budgets[i], even[i]);
        }
        XYSeriesCollection c = new XYSeriesCollection();
        c.addSeries(o);
        c.addSeries(e);
        JFreeChart chart = ChartFactory.createXYLineChart("Budget → expected incremental value", "budget",
                "expected incremental value", c, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer rr = new XYLineAndShapeRenderer(true, true);
        rr.setSeriesPaint(0, FORECAST);
        rr.setSeriesPaint(1, MODEL_COLORS[0]);
        rr.setSeriesStroke(0, new BasicStroke(2f));
        rr.setSeriesStroke(1, new BasicStroke(2f));
        plot.setRenderer(rr);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
        plot.setDomainGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
        plot.addDomainMarker(new ValueMarker(budget, Color.GRAY, new BasicStroke(1f)));
        return png(chart, 900, 340);
    }
}
