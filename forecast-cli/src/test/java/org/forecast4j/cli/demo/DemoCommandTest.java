package org.forecast4j.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.forecast4j.cli.Main;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.Frequency;
import org.forecast4j.core.Panel;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.arima.Regressors;
import org.forecast4j.core.arima.select.AutoArima;
import org.forecast4j.core.backtest.Backtest;
import org.forecast4j.core.backtest.BacktestResult;
import org.forecast4j.core.events.AggregationSpec;
import org.forecast4j.core.events.Aggregator;
import org.forecast4j.core.events.EventSimulator;
import org.forecast4j.core.events.GroupKey;
import org.forecast4j.core.events.Measure;
import org.forecast4j.core.events.Promotion;
import org.forecast4j.core.events.SimulationConfig;
import org.forecast4j.core.features.EventCalendar;
import org.forecast4j.core.features.EventDay;
import org.forecast4j.core.features.FeatureSet;
import org.forecast4j.core.features.RegressorMatrix;
import org.forecast4j.core.metrics.Metric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code forecast4j demo --quick} once and checks the report's numbers against independent computations:
 * the series against a fresh simulation and aggregation with the parameters documented in docs/demo.md, the seasonal
 * naive MASE against the core backtest, the chosen ARIMA against an auto-ARIMA refit with the promotion regressors
 * (same orders, drift, AICc and forecasts), the plan's cell values
 * against the response-curve formulas of docs/demo.md evaluated by hand, and the summary against the report.
 */
class DemoCommandTest {

    @TempDir
    static Path dir;

    static Path report;
    static String html;
    static String stdout;
    static String stderr;
    static int code;
    static JsonNode data;

    @BeforeAll
    static void runQuickDemo() throws IOException {
        report = dir.resolve("report.html");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        code = Main.run(new String[] {"demo", "--quick", "--report", report.toString()}, new PrintWriter(out),
                new PrintWriter(err));
        stdout = out.toString();
        stderr = err.toString();
        assertEquals(0, code, () -> "exit code " + code + ", stderr: " + stderr);
        html = Files.readString(report, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"" + DemoReport.DATA_ID
                + "\">\\s*(.*?)\\s*</script>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "report has its JSON data block");
        data = new ObjectMapper().readTree(m.group(1).replace("<\\/", "</"));
    }

    /** The quick configuration as documented in docs/demo.md, written out here independently of DemoConfig. */
    private static Panel independentPanel() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        SimulationConfig sc = SimulationConfig.builder().seed(42).users(1500).start(LocalDate.of(2017, 10, 2))
                .days(63).zone(zone).catalogue(3, 100).promotion(Promotion.of(LocalDate.of(2017, 11, 11), 2.5))
                .promotion(Promotion.of(LocalDate.of(2017, 12, 12), 2.5)).build();
        Aggregator agg = Aggregator.of(AggregationSpec.builder().measure(Measure.buys()).by(GroupKey.category())
                .frequency(Frequency.DAILY).zone(zone).keyNames(id -> "category " + id).build());
        new EventSimulator(sc).run(agg);
        return agg.result().panel();
    }

    @Test
    void demo_quick_printsProgressOnStderrAndSummaryOnStdout() {
        assertTrue(stderr.contains("forecast4j demo: simulating 63 days"), stderr);
        assertTrue(stderr.contains("forecast4j demo: backtest:"), stderr);
        assertTrue(stderr.contains("forecast4j demo: allocation:"), stderr);
        assertTrue(stdout.startsWith("forecast4j demo — simulated"), stdout);
        assertTrue(stdout.contains("Backtest: MASE"), stdout);
        assertTrue(stdout.contains("Report: " + report.toAbsolutePath().normalize()), stdout);
        assertTrue(data.get("quick").asBoolean());
        assertEquals("2017-12-12", data.get("upcomingPromotions").get(0).asText());
    }

    @Test
    void demo_quick_seriesEqualAnIndependentSimulationAndAggregation() {
        Panel p = independentPanel();
        assertEquals(3, data.get("series").size());
        for (JsonNode s : data.get("series")) {
            TimeSeries y = p.get(s.get("key").asText());
            assertEquals("2017-10-02", s.get("start").asText());
            double[] hist = doubles(s.get("history"));
            assertEquals(63, hist.length);
            for (int i = 0; i < hist.length; i++) {
                double expected = Double.isNaN(y.get(i)) ? 0 : y.get(i);
                assertEquals(expected, hist[i], 0.0, s.get("key").asText() + " day " + i);
            }
        }
    }

    @Test
    void demo_quick_seasonalNaiveMaseEqualsTheCoreBacktest() {
        Map<String, Forecaster> models = new LinkedHashMap<>();
        models.put("snaive", Forecasters.seasonalNaive());
        Map<String, TimeSeries> byKey = new LinkedHashMap<>();
        for (JsonNode s : data.get("series")) {
            byKey.put(s.get("key").asText(), TimeSeries.builder(doubles(s.get("history")))
                    .start(LocalDate.parse(s.get("start").asText())).frequency(Frequency.DAILY)
                    .name(s.get("key").asText()).build());
        }
        BacktestResult r = Backtest.builder().initialWindow(data.get("initialWindow").asInt())
                .horizon(data.get("horizon").asInt()).step(data.get("step").asInt()).folds(data.get("folds").asInt())
                .levels(80, 95).build().run(models, Panel.of(byKey));
        for (JsonNode s : data.get("series")) {
            double expected = r.accuracy("snaive", s.get("key").asText()).get(Metric.MASE).value();
            // same data, same folds, same arithmetic: equal up to rounding of the JSON text (17 digits)
            assertEquals(expected, s.get("mase").get("snaive").asDouble(), 1e-12 * expected);
        }
    }

    @Test
    void demo_quick_chosenModelHasTheSmallestMase() {
        for (JsonNode s : data.get("series")) {
            String chosen = s.get("chosen").asText();
            double best = s.get("mase").get(chosen).asDouble();
            s.get("mase").fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    assertTrue(best <= e.getValue().asDouble(), s.get("key") + ": " + chosen + " vs " + e.getKey());
                }
            });
        }
    }

    @Test
    void demo_quick_arimaForecastEqualsAnAutoArimaRefitWithThePromotionRegressors() {
        int checked = 0;
        for (JsonNode s : data.get("series")) {
            if (!"arima".equals(s.get("chosen").asText())) {
                continue;
            }
            TimeSeries y = TimeSeries.builder(doubles(s.get("history")))
                    .start(LocalDate.parse(s.get("start").asText())).frequency(Frequency.DAILY).build();
            // promotion regressors as docs/demo.md: 6.18, 11.11, 12.12, 7 warm-up and 3 hangover days
            EventDay promo = new EventDay("promo", List.of(LocalDate.of(2017, 6, 18), LocalDate.of(2017, 11, 11),
                    LocalDate.of(2017, 12, 12)), 7, 3);
            RegressorMatrix x = FeatureSet.of(EventCalendar.of(promo)).matrix(y);
            Regressors xreg = Regressors.of(x.names(), new double[][] {x.column("promo"), x.column("promo_warmup"),
                x.column("promo_hangover")});
            // auto-ARIMA with the regressors and the CSS approximation during the search, as docs/demo.md says
            FittedArima best = AutoArima.builder().approximation(true).build().fit(y, xreg).arima().orElseThrow();
            JsonNode a = s.get("arima");
            assertEquals(Arrays.toString(best.order()), a.get("order").toString().replace(",", ", "));
            assertEquals(best.spec().includeDrift(), a.get("drift").asBoolean());
            assertEquals(best.aicc(), a.get("aicc").asDouble(), 1e-9 * Math.abs(best.aicc()));
            int h = data.get("horizon").asInt();
            RegressorMatrix xf = x.future(h);
            Forecast f = best.forecast(h, org.forecast4j.core.Level.of(80, 95), Regressors.of(x.names(),
                    new double[][] {xf.column("promo"), xf.column("promo_warmup"), xf.column("promo_hangover")}));
            double[] mean = doubles(s.get("forecast").get("mean"));
            double[] hi95 = doubles(s.get("forecast").get("hi95"));
            for (int t = 0; t < h; t++) {
                assertEquals(f.mean()[t], mean[t], 1e-9 * Math.abs(f.mean()[t]) + 1e-9);
                assertEquals(f.upper(95)[t], hi95[t], 1e-9 * Math.abs(f.upper(95)[t]) + 1e-9);
            }
            checked++;
        }
        assertTrue(checked > 0 || !html.contains("\"chosen\" : \"arima\""));
    }

    /** The lift of docs/demo.md's channel curves, written out by hand. */
    private static double lift(String channel, double x) {
        switch (channel) {
            case "app":
                return 0.30 * (1 - Math.exp(-x / 300));
            case "web":
                return 0.40 * Math.pow(x, 1.5) / (Math.pow(x, 1.5) + Math.pow(600, 1.5));
            case "mini":
                return 0.20 * (1 - Math.exp(-x / 150));
            default:
                throw new AssertionError(channel);
        }
    }

    /**
     * Expected incremental value of a cell, docs/demo.md: atoms = the forecast's quantiles (2.5, 10, 50, 90,
     * 97.5%, clipped at 0, times the channel share) with weights from the midpoints between their probabilities,
     * rescaled to the mean; V = v·Σ w_k [min(C, b_k(1 + L)) − min(C, b_k)].
     */
    private static double cellValue(double[] q, double mean, double capacity, double value, double lift) {
        double[] p = {0.025, 0.10, 0.50, 0.90, 0.975};
        double[] w = new double[p.length];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            double left = k == 0 ? 0 : 0.5 * (p[k - 1] + p[k]);
            double right = k == p.length - 1 ? 1 : 0.5 * (p[k] + p[k + 1]);
            w[k] = right - left;
            sum += w[k] * q[k];
        }
        double v = 0;
        for (int k = 0; k < p.length; k++) {
            double b = sum > 0 ? q[k] * mean / sum : mean;
            v += w[k] * (Math.min(capacity, b * (1 + lift)) - Math.min(capacity, b));
        }
        return value * v;
    }

    @Test
    void demo_quick_planValuesFollowTheDocumentedCurvesAndSpendTheBudget() {
        JsonNode plan = data.get("plan");
        double budget = data.get("budget").asDouble();
        Map<String, JsonNode> series = new HashMap<>();
        for (JsonNode s : data.get("series")) {
            series.put(s.get("key").asText(), s);
        }
        JsonNode shares = data.get("channelShares");
        double total = 0;
        double spendSum = 0;
        double evenTotal = 0;
        int cells = plan.get("cells").size();
        assertEquals(3 * 3 * data.get("horizon").asInt(), cells);
        // first-order optimality among the concave (app, mini) cells: moving a little budget from a funded cell
        // to any other cannot help, i.e. max right-derivative <= min left-derivative of funded cells
        double maxRight = Double.NEGATIVE_INFINITY;
        double minLeftFunded = Double.POSITIVE_INFINITY;
        final double delta = 1e-3;
        for (JsonNode c : plan.get("cells")) {
            JsonNode s = series.get(c.get("category").asText());
            int t = indexOf(s.get("forecast").get("dates"), c.get("date").asText());
            double share = shares.get(c.get("channel").asText()).asDouble();
            JsonNode f = s.get("forecast");
            double[] q = {f.get("lo95").get(t).asDouble(), f.get("lo80").get(t).asDouble(),
                f.get("mean").get(t).asDouble(), f.get("hi80").get(t).asDouble(), f.get("hi95").get(t).asDouble()};
            for (int k = 0; k < q.length; k++) {
                q[k] = Math.max(0, q[k]) * share;
            }
            double mean = q[2];
            double capacity = 2 * median(doubles(s.get("history"))) * share;
            assertEquals(capacity, s.get("capacity").asDouble() * share, 1e-9 * capacity);
            double v = s.get("valuePerUnit").asDouble();
            double x = c.get("spend").asDouble();
            double expected = cellValue(q, mean, capacity, v, lift(c.get("channel").asText(), x));
            assertEquals(expected, c.get("value").asDouble(), 1e-7 * Math.max(1, Math.abs(expected)), c.toString());
            if (!"web".equals(c.get("channel").asText())) {
                String ch = c.get("channel").asText();
                double right = (cellValue(q, mean, capacity, v, lift(ch, x + delta)) - expected) / delta;
                maxRight = Math.max(maxRight, right);
                if (x > delta) {
                    double left = (expected - cellValue(q, mean, capacity, v, lift(ch, x - delta))) / delta;
                    minLeftFunded = Math.min(minLeftFunded, left);
                }
            }
            total += expected;
            spendSum += x;
            evenTotal += cellValue(q, mean, capacity, v, lift(c.get("channel").asText(), budget / cells));
        }
        assertEquals(budget, spendSum, 1e-6 * budget, "the plan spends the budget");
        assertEquals(total, plan.get("objective").asDouble(), 1e-7 * total);
        assertEquals(evenTotal, plan.get("evenSplit").asDouble(), 1e-7 * evenTotal);
        assertEquals(total / evenTotal - 1, plan.get("uplift").asDouble(), 1e-7);
        assertTrue(total >= evenTotal, "optimal plan beats the even split");
        // finite differences of step 1e-3 on curves with scale >= 150: relative error ~1e-5
        assertTrue(maxRight <= minLeftFunded * (1 + 1e-4), maxRight + " > " + minLeftFunded);
    }

    @Test
    void demo_quick_frontierIsNonDecreasingAndPassesThroughThePlan() {
        double[] b = doubles(data.get("frontier").get("budgets"));
        double[] v = doubles(data.get("frontier").get("values"));
        assertEquals(0, v[0], 1e-9, "no budget, no lift");
        for (int i = 1; i < v.length; i++) {
            assertTrue(v[i] >= v[i - 1] - 1e-6 * Math.abs(v[i]), "frontier non-decreasing at " + b[i]);
        }
        int at = Arrays.binarySearch(b, data.get("budget").asDouble());
        assertTrue(at >= 0);
        assertEquals(data.get("plan").get("objective").asDouble(), v[at], 1e-6 * v[at]);
    }

    @Test
    void demo_quick_summaryAndHtmlTablesShowTheReportNumbers() {
        JsonNode plan = data.get("plan");
        String line = String.format(java.util.Locale.ROOT, "Expected incremental value %,.0f vs %,.0f for an even "
                + "split (%+.1f%%)", plan.get("objective").asDouble(), plan.get("evenSplit").asDouble(),
                100 * plan.get("uplift").asDouble());
        assertTrue(stdout.contains(line), () -> "'" + line + "' in " + stdout);
        for (JsonNode s : data.get("series")) {
            String key = s.get("key").asText();
            String mase = String.format(java.util.Locale.ROOT, "%.3f", s.get("mase").get("snaive").asDouble());
            assertTrue(html.contains("<tr data-series=\"" + key + "\" data-model=\"snaive\">"), key);
            Matcher m = Pattern.compile("data-series=\"" + key + "\" data-model=\"snaive\">.*?data-metric=\"mase\">"
                    + "([^<]*)<").matcher(html);
            assertTrue(m.find());
            assertEquals(mase, m.group(1));
            assertTrue(Pattern.compile("\\s" + key + "\\s+" + Pattern.quote(mase)).matcher(stdout).find(), stdout);
        }
    }

    @Test
    void demo_quick_chartsAreEmbeddedNonBlankPngs() throws IOException {
        Matcher m = Pattern.compile("<img class=\"chart ([a-z]+)\" alt=\"[^\"]*\" src=\"data:image/png;base64,"
                + "([A-Za-z0-9+/=]+)\">").matcher(html);
        Map<String, Integer> kinds = new HashMap<>();
        while (m.find()) {
            BufferedImage im = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(2))));
            assertTrue(im.getWidth() >= 600 && im.getHeight() >= 200, m.group(1));
            assertTrue(distinctColours(im) > 10, m.group(1) + " chart is not blank");
            kinds.merge(m.group(1), 1, Integer::sum);
        }
        assertEquals(Map.of("mase", 1, "mae", 1, "forecast", 3, "heatmap", 1, "frontier", 1), kinds);
        assertFalse(html.contains("http://") || html.contains("https://"), "no network references");
    }

    @Test
    void demo_badFlags_exitTwoWithOneLine() throws IOException {
        assertBad(new String[] {"demo", "--horizon", "0"}, "--horizon must be > 0, got 0");
        assertBad(new String[] {"demo", "--budget", "-5"}, "--budget must be finite and > 0, got -5.0");
        assertBad(new String[] {"demo", "--events", dir.resolve("missing.csv").toString()},
                "--events file not found or not readable");
        // three days of Taobao-layout events: too short for one backtest fold
        Path events = dir.resolve("short.csv");
        Files.writeString(events, "1,10,100,buy,1511544070\n2,11,100,buy,1511630470\n3,12,100,buy,1511716870\n");
        assertBad(new String[] {"demo", "--events", events.toString(), "--report",
            dir.resolve("r.html").toString()}, "the series have 3 days (2017-11-25 to 2017-11-27)");
    }

    /** Debian's chromium; the browser test is skipped when it is absent. */
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** Script appended to a copy of the report: lists every image's decoded size once the page has loaded. */
    static final String IMAGE_CHECK = "<script>window.addEventListener('load', function () {"
            + "var out = []; var imgs = document.images;"
            + "for (var i = 0; i < imgs.length; i++) { out.push(imgs[i].className + ' ' + imgs[i].naturalWidth + ' '"
            + " + imgs[i].naturalHeight + ' ' + imgs[i].complete); }"
            + "var p = document.createElement('pre'); p.id = 'image-check'; p.textContent = out.join(';');"
            + "document.body.appendChild(p); });</script>";

    private static String chromium(Path userData, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + userData));
        cmd.addAll(Arrays.asList(args));
        Path outFile = Files.createTempFile(dir, "chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(outFile.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 180 s");
        }
        return Files.readString(outFile, StandardCharsets.UTF_8);
    }

    @Test
    void demo_quick_reportRendersInHeadlessChromiumWithEveryChartDecoded() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "chromium not installed (apt-get install -y chromium)");
        Path page = dir.resolve("report-check.html");
        Files.writeString(page, html.replace("</body>", IMAGE_CHECK + "</body>"), StandardCharsets.UTF_8);
        String dom = chromium(dir.resolve("chromium-profile"), "--virtual-time-budget=10000", "--dump-dom",
                page.toUri().toString());
        Matcher m = Pattern.compile("<pre id=\"image-check\">([^<]*)</pre>").matcher(dom);
        assertTrue(m.find(), () -> "the check script ran; DOM: " + dom.substring(0, Math.min(500, dom.length())));
        String[] images = m.group(1).split(";");
        assertEquals(7, images.length, m.group(1));
        for (String im : images) {
            String[] f = im.split(" ");
            assertTrue(Integer.parseInt(f[2]) >= 600 && Integer.parseInt(f[3]) >= 200 && "true".equals(f[4]),
                    "image decoded by the browser: " + im);
        }
        // and as a person sees it: a screenshot of the first screen shows the tables and charts (not a blank page)
        Path shot = dir.resolve("report.png");
        chromium(dir.resolve("chromium-profile-2"), "--window-size=1000,1600", "--screenshot=" + shot,
                report.toUri().toString());
        BufferedImage im = ImageIO.read(shot.toFile());
        assertEquals(1000, im.getWidth());
        assertTrue(distinctColours(im) > 50, "screenshot is not blank");
    }

    private static void assertBad(String[] args, String expected) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int c = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, c, err::toString);
        String[] lines = err.toString().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("forecast4j: ") && last.contains(expected), err::toString);
        assertEquals("", out.toString());
    }

    static int distinctColours(BufferedImage im) {
        java.util.Set<Integer> set = new java.util.HashSet<>();
        for (int y = 0; y < im.getHeight(); y += 3) {
            for (int x = 0; x < im.getWidth(); x += 3) {
                set.add(im.getRGB(x, y));
            }
        }
        return set.size();
    }

    private static int indexOf(JsonNode arr, String s) {
        for (int i = 0; i < arr.size(); i++) {
            if (arr.get(i).asText().equals(s)) {
                return i;
            }
        }
        throw new AssertionError(s + " not in " + arr);
    }

    static double[] doubles(JsonNode arr) {
        double[] v = new double[arr.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = arr.get(i).asDouble();
        }
        return v;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        int m = c.length / 2;
        return c.length % 2 == 1 ? c[m] : 0.5 * (c[m - 1] + c[m]);
    }
}
