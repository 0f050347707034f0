package org.forecast4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.forecast4j.core.FittedModel;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.lstm.GlobalLstmModel;
import org.forecast4j.lstm.Lstm;
import org.forecast4j.lstm.LstmConfig;

/**
 * Hold-out accuracy of the LSTM (one network per series, and one global network across all series) against
 * seasonal naive (not a JMH benchmark): for each series, train on all but
 * the last {@code h} values, forecast {@code h} steps with 80% and 95% intervals, and score MASE (scaled by the
 * in-sample seasonal-naive MAE), sMAPE (%) and interval coverage; prints a Markdown table of the means.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp benchmarks.jar org.forecast4j.bench.LstmAccuracy \
 *     csv DIR COUNT PERIOD H LOOKBACK HIDDEN EPOCHS
 * java ... LstmAccuracy m4 TRAIN.csv TEST.csv COUNT PERIOD H LOOKBACK HIDDEN EPOCHS
 * </pre>
 * System properties {@code lr}, {@code scaling} and {@code cell} override the learning rate (3e-3), the scaling
 * (MIN_MAX) and the cell (LSTM).
 */
public final class LstmAccuracy {

    private LstmAccuracy() {
    }

    /**
     * Runs the evaluation.
     *
     * @param args see the class description
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        List<double[]> train = new ArrayList<>();
        List<double[]> test = new ArrayList<>();
        int a;
        if (args[0].equals("csv")) {
            int count = Integer.parseInt(args[2]);
            int h = Integer.parseInt(args[4]);
            List<Path> files;
            try (Stream<Path> s = Files.list(Path.of(args[1]))) {
                files = s.filter(p -> p.toString().endsWith(".csv")).sorted().limit(count).collect(Collectors.toList());
            }
            for (Path p : files) {
                double[] y = Files.readAllLines(p, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1))).toArray();
                train.add(java.util.Arrays.copyOf(y, y.length - h));
                test.add(java.util.Arrays.copyOfRange(y, y.length - h, y.length));
            }
            a = 3;
        } else {
            int count = Integer.parseInt(args[3]);
            List<String> tr = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
            List<String> te = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
            for (int i = 1; i <= count; i++) {
                train.add(parseWide(tr.get(i)));
                test.add(parseWide(te.get(i)));
            }
            a = 4;
        }
        int period = Integer.parseInt(args[a]);
        int h = Integer.parseInt(args[a + 1]);
        LstmConfig cfg = LstmConfig.builder().lookback(Integer.parseInt(args[a + 2])).horizon(h)
                .hidden(Integer.parseInt(args[a + 3])).epochs(Integer.parseInt(args[a + 4]))
                .learningRate(Double.parseDouble(System.getProperty("lr", "3e-3")))
                .scaling(org.forecast4j.lstm.Scaling.valueOf(System.getProperty("scaling", "MIN_MAX")))
                .cell(org.forecast4j.lstm.CellType.valueOf(System.getProperty("cell", "LSTM")))
                .patience(8).seed(1).build();
        Forecaster[] models = {Lstm.forecaster(cfg), Forecasters.seasonalNaive(period), Lstm.forecaster(cfg)};
        double[][] sums = new double[models.length][4];
        long t0 = System.nanoTime();
        java.util.Map<String, TimeSeries> panel = new java.util.LinkedHashMap<>();
        for (int s = 0; s < train.size(); s++) {
            panel.put("s" + s, TimeSeries.of(train.get(s)).withPeriod(period));
        }
        GlobalLstmModel global = Lstm.forecaster(cfg).fitGlobal(Panel.of(panel));
        for (int s = 0; s < train.size(); s++) {
            TimeSeries y = TimeSeries.of(train.get(s)).withPeriod(period);
            double scale = seasonalNaiveMae(train.get(s), period);
            for (int m = 0; m < models.length; m++) {
                FittedModel fit = m == 2 ? global.model("s" + s) : models[m].fit(y);
                Forecast f = fit.forecast(h, 80, 95);
                double[] mean = f.mean();
                double[] lo80 = f.lower(80);
                double[] hi80 = f.upper(80);
                double[] lo95 = f.lower(95);
                double[] hi95 = f.upper(95);
                double mae = 0;
                double smape = 0;
                int c80 = 0;
                int c95 = 0;
                double[] act = test.get(s);
                for (int i = 0; i < h; i++) {
                    mae += Math.abs(act[i] - mean[i]);
                    double den = Math.abs(act[i]) + Math.abs(mean[i]);
                    smape += den == 0 ? 0 : 200 * Math.abs(act[i] - mean[i]) / den;
                    c80 += act[i] >= lo80[i] && act[i] <= hi80[i] ? 1 : 0;
                    c95 += act[i] >= lo95[i] && act[i] <= hi95[i] ? 1 : 0;
                }
                sums[m][0] += mae / h / scale;
                sums[m][1] += smape / h;
                sums[m][2] += c80 / (double) h;
                sums[m][3] += c95 / (double) h;
            }
        }
        int n = train.size();
        System.out.println("| model | series | MASE | sMAPE % | coverage 80% | coverage 95% |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        String[] names = {"LSTM " + cfg.hidden() + " (lookback " + cfg.lookback() + ")", "seasonal naive",
            "global LSTM " + cfg.hidden() + " (one network, all series)"};
        for (int m = 0; m < models.length; m++) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.2f | %.2f | %.2f |%n", names[m], n, sums[m][0] / n,
                    sums[m][1] / n, sums[m][2] / n, sums[m][3] / n);
        }
        System.out.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - t0) / 1e9);
    }

    private static double[] parseWide(String line) {
        String[] f = line.split(",");
        List<Double> v = new ArrayList<>();
        for (int i = 1; i < f.length; i++) {
            String x = f[i].replace("\"", "").trim();
            if (!x.isEmpty() && !x.equals("NA")) {
                v.add(Double.parseDouble(x));
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double seasonalNaiveMae(double[] y, int m) {
        double s = 0;
        for (int i = m; i < y.length; i++) {
            s += Math.abs(y[i] - y[i - m]);
        }
        return s / (y.length - m);
    }
}
