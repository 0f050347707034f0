package org.forecast4j.core.arima.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.forecast4j.core.Forecast;
import org.forecast4j.core.Level;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.FittedArima;
import org.forecast4j.core.arima.Regressors;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * auto-ARIMA with Box–Cox transforms and regressors against R 4.2.2 forecast 8.20. Reference:
 * src/test/resources/reference/autoarima/auto_arima_boxcox_xreg.json and ecom_orders_xreg.csv, both written by the
 * script auto_arima_boxcox_xreg.R next to them ({@code auto.arima(x, lambda = 0)}, {@code lambda = "auto"},
 * {@code biasadj = TRUE}, and {@code xreg =} a promotion dummy, the day after it and yearly Fourier terms on the
 * daily e-commerce orders series).
 *
 * <p>Checked: the chosen orders and constant are R's; lambda R's within {@value #LAMBDA_TOL} (Guerrero's Brent
 * search visits R's points); coefficients within {@value #COEF_TOL} absolute (the conformance tolerance of exact
 * ML against R's optimiser); the forecast on the model scale (mean and standard error) within {@value #FC_TOL}
 * forecast standard errors, and the back-transformed mean and 80/95% limits within {@value #FC_TOL} of the
 * back-transformed standard error {@code (hi95 − lo95) / 3.92} — against R's forecasts recomputed with stats::arima's
 * σ² (forecast4j's convention, docs/arima.md; the script explains). Fitted values (R's
 * {@code InvBoxCox(BoxCox(x) − res, lambda, biasadj, σ²)}) and residuals within {@value #FITTED_TOL} relative to
 * the series' scale.
 */
class AutoArimaBoxCoxXregTest {

    /** Lambda agreement with R's Guerrero (both run Brent on the same objective from the same start). */
    static final double LAMBDA_TOL = 1e-6;
    /** Coefficients: the conformance tolerance of exact ML against R (../shared/conformance/README.md). */
    static final double COEF_TOL = 1e-3;
    /** Forecasts, in forecast standard errors (2× the conformance tolerance: the search adds a second fit). */
    static final double FC_TOL = 2e-3;
    /** Fitted values and residuals, relative to the mean absolute value of the series (or of the residuals). */
    static final double FITTED_TOL = 1e-3;

    private static final JsonNode CASES = load();

    private static final int H = 14;

    /** The cases of the default suite: about 10 s together. */
    @ParameterizedTest
    @ValueSource(strings = {"air_lambda0", "usa_lambda_auto_biasadj", "www_lambda0_biasadj", "orders200_xreg",
        "orders200_xreg_lambda_auto"})
    void fit_boxCoxAndRegressors_matchesR(String id) {
        check(id);
    }

    /** The long daily series with six regressors (about 40 s), with {@code -Dforecast4j.slowTests=true}. */
    @ParameterizedTest
    @ValueSource(strings = {"air_lambda_auto", "orders_xreg_lambda0_biasadj"})
    @EnabledIfSystemProperty(named = "forecast4j.slowTests", matches = "true")
    void fit_boxCoxAndRegressorsSlowCases_matchesR(String id) {
        check(id);
    }

    /**
     * The one case where the search takes another path than R's: on the 730 daily orders with six regressors, the
     * CSS fit of candidate ARIMA(2,1,2)(0,0,1)[7] reaches a lower sum of squares than R's (σ² 25278 against 25337),
     * where R's Hessian is singular, so R rejects the candidate (criterion Inf) and forecast4j does not (9472.91).
     * The search then ends at ARIMA(1,1,1)(0,0,1)[7], whose exact AICc (9481.37) is lower than that of R's choice
     * ARIMA(3,1,1)(0,0,1)[7] (9484.51): the rule "where the choice differs, its AICc is no worse than R's".
     * R's model itself, fitted with the same regressors, matches R's coefficients and forecasts.
     */
    @Test
    @EnabledIfSystemProperty(named = "forecast4j.slowTests", matches = "true")
    void fit_ordersWithSixRegressors_aiccNoWorseThanRsChoice() {
        JsonNode c = CASES.get("orders_xreg");
        Data data = data("orders_xreg");
        AutoArimaModel m = AutoArima.builder().build().fit(data.y, data.xreg);
        FittedArima a = m.arima().orElseThrow();
        assertTrue(a.aicc() <= c.get("aicc").asDouble() + 1e-3, a + " AICc " + a.aicc() + " vs R " + c.get("aicc"));
        FittedArima rs = Arima.of(3, 1, 1).withSeasonal(0, 0, 1, 7).fit(data.y, data.xreg);
        compareModel("orders_xreg (R's order)", c, rs, data);
    }

    private static final class Data {
        TimeSeries y;
        Regressors xreg;
        Regressors future;
    }

    private static Data data(String id) {
        Data d = new Data();
        if (id.startsWith("orders")) {
            double[] all = ReferenceData.column("reference/conformance/public_ecom_orders.csv", "y");
            Map<String, double[]> x = ReferenceData.columns("/reference/autoarima/ecom_orders_xreg.csv");
            List<String> names = id.startsWith("orders200") ? List.of("promo", "after", "S1_365", "C1_365")
                    : List.of("promo", "after", "S1_365", "C1_365", "S2_365", "C2_365");
            int n = all.length;
            int from = id.startsWith("orders200") ? n - 200 : 0;
            d.y = TimeSeries.of(Arrays.copyOfRange(all, from, n)).withPeriod(7);
            double[][] past = new double[names.size()][];
            double[][] next = new double[names.size()][];
            for (int k = 0; k < names.size(); k++) {
                double[] col = x.get(names.get(k));
                past[k] = Arrays.copyOfRange(col, from, n);
                next[k] = Arrays.copyOfRange(col, n, n + H);
            }
            d.xreg = Regressors.of(names, past);
            d.future = Regressors.of(names, next);
        } else {
            String file = id.startsWith("air") ? "rdatasets_AirPassengers" : id.startsWith("usa")
                    ? "rdatasets_USAccDeaths" : "rdatasets_WWWusage";
            d.y = TimeSeries.of(ReferenceData.column("reference/conformance/" + file + ".csv", "y"))
                    .withPeriod(id.startsWith("www") ? 1 : 12);
        }
        return d;
    }

    private static void check(String id) {
        JsonNode c = CASES.get(id);
        Data data = data(id);
        AutoArima.Builder b = AutoArima.builder();
        if (!c.get("lambda").isNull()) {
            if (id.contains("auto")) {
                b.lambdaAuto();
            } else {
                b.lambda(c.get("lambda").asDouble());
            }
        }
        b.biasAdjust(c.get("biasadj").asBoolean());
        AutoArima auto = b.build();
        AutoArimaModel m = data.xreg == null ? auto.fit(data.y) : auto.fit(data.y, data.xreg);
        FittedArima a = m.arima().orElseThrow(() -> new AssertionError(id + ": fallback " + m.fallbackReason()));

        // order, constant, lambda
        int[] order = new int[6];
        System.arraycopy(a.order(), 0, order, 0, 3);
        System.arraycopy(a.seasonalOrder(), 0, order, 3, 3);
        if (order[3] + order[4] + order[5] == 0) {
            // R's arma[] lists the seasonal order as zeros for a non-seasonal model
            order[3] = 0;
        }
        assertArrayEquals(ints(c.get("order")), order, id + " order: " + a);
        boolean constant = a.coefficients().containsKey("drift") || a.coefficients().containsKey("intercept");
        assertEquals(c.get("constant").asBoolean(), constant, id + " constant");
        if (c.get("lambda").isNull()) {
            assertTrue(a.lambda().isEmpty(), id + " lambda");
        } else {
            double lam = c.get("lambda").asDouble();
            assertEquals(lam, a.lambda().orElseThrow(), LAMBDA_TOL, id + " lambda");
            assertEquals(lam, m.lambda().orElseThrow(), LAMBDA_TOL, id + " model lambda");
            assertTrue(a.description().contains("Box-Cox lambda"), a.description());
        }
        compareModel(id, c, a, data);
        // the auto-ARIMA result forecasts as its model
        Forecast f = data.xreg == null ? m.forecast(H, Level.of(80, 95)) : m.forecast(H, Level.of(80, 95), data.future);
        assertArrayEquals(a.forecast(H, Level.of(80, 95), data.future).mean(), f.mean(), 0.0);
    }

    /** Coefficients, σ², forecasts (model scale and back-transformed), fitted values and residuals against R's. */
    private static void compareModel(String id, JsonNode c, FittedArima a, Data data) {
        int h = H;
        Regressors future = data.future;
        TimeSeries y = data.y;

        // coefficients, by R's names
        Map<String, Double> coef = a.coefficients();
        List<String> names = strings(c.get("coef_names"));
        assertEquals(names, new ArrayList<>(coef.keySet()), id + " coefficient names");
        double[] rc = doubles(c.get("coef"));
        for (int i = 0; i < rc.length; i++) {
            assertEquals(rc[i], coef.get(names.get(i)), COEF_TOL, id + " " + names.get(i));
        }
        assertEquals(c.get("sigma2_stats").asDouble(), a.sigma2(), 1e-3 * a.sigma2(), id + " sigma2");

        // forecasts on the model scale
        List<Level> levels = Level.of(80, 95);
        Forecast onModel = a.forecastOnModelScale(h, levels, future);
        JsonNode s = c.get("stats_sigma2");
        double[] rse = doubles(s.get("model_se"));
        double[] rmean = doubles(s.get("model_mean"));
        for (int t = 0; t < h; t++) {
            assertEquals(rmean[t], onModel.mean()[t], FC_TOL * rse[t], id + " model-scale mean " + t);
            assertEquals(rse[t], onModel.standardErrors()[t], FC_TOL * rse[t], id + " model-scale se " + t);
        }
        // back-transformed forecasts
        Forecast f = a.forecast(h, levels, future);
        double[] lo95 = doubles(s.get("lo95"));
        double[] hi95 = doubles(s.get("hi95"));
        compare(id + " mean", doubles(s.get("mean")), f.mean(), lo95, hi95);
        compare(id + " lo80", doubles(s.get("lo80")), f.lower(80), lo95, hi95);
        compare(id + " hi80", doubles(s.get("hi80")), f.upper(80), lo95, hi95);
        compare(id + " lo95", lo95, f.lower(95), lo95, hi95);
        compare(id + " hi95", hi95, f.upper(95), lo95, hi95);

        // fitted values (original scale) and residuals (model scale), as R's fitted() and residuals()
        double[] rf = doubles(c.get("fitted_stats"));
        double[] rr = doubles(c.get("residuals"));
        double[] of = a.fitted();
        double[] or = a.residuals();
        double scaleY = meanAbs(y.values());
        double scaleR = meanAbs(rr);
        for (int t = 0; t < rf.length; t++) {
            assertEquals(rf[t], of[t], FITTED_TOL * scaleY, id + " fitted " + t);
            assertEquals(rr[t], or[t], FITTED_TOL * scaleR * 10, id + " residual " + t);
        }
    }

    private static void compare(String what, double[] r, double[] ours, double[] lo95, double[] hi95) {
        for (int t = 0; t < r.length; t++) {
            double se = (hi95[t] - lo95[t]) / 3.92;
            assertEquals(r[t], ours[t], FC_TOL * se, what + " step " + (t + 1));
        }
    }

    private static double meanAbs(double[] v) {
        double s = 0;
        int k = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += Math.abs(x);
                k++;
            }
        }
        return s / k;
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).isNull() ? Double.NaN : a.get(i).asDouble();
        }
        return out;
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }

    static JsonNode load() {
        try (InputStream in = AutoArimaBoxCoxXregTest.class
                .getResourceAsStream("/reference/autoarima/auto_arima_boxcox_xreg.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
