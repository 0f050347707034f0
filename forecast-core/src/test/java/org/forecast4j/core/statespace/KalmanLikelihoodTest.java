package org.forecast4j.core.statespace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * Kernel tests of the exact likelihood and the forecasts from the final state against R 4.2.2's
 * {@code ARIMA_Like} and {@code KalmanForecast} at fixed parameters (script
 * src/test/resources/reference/arima/kernels.R).
 */
class KalmanLikelihoodTest {

    private static final Map<String, double[]> REF = ReferenceData.load("reference/arima/kernels.csv");
    /** Same recursion as R; the steady-state switch changes results by far less than this. */
    private static final double TOL = 1e-9;

    private static final double[] AIRLINE_THETA = airlineTheta();
    private static final double[] AIRLINE_DELTA = airlineDelta();

    private static double[] airlineTheta() {
        double[] th = new double[13];
        th[0] = -0.4;
        th[11] = -0.6;
        th[12] = 0.24;
        return th;
    }

    private static double[] airlineDelta() {
        double[] d = new double[13];
        d[0] = 1;
        d[11] = 1;
        d[12] = -1;
        return d;
    }

    private static void check(String name, double[] x, double[] phi, double[] theta, double[] delta) {
        KalmanWorkspace ws = new KalmanWorkspace(phi.length, theta.length, delta.length);
        double[] resid = new double[x.length];
        KalmanLikelihood.evaluate(x, phi, theta, delta, ws, resid);
        double[] st = REF.get(name + "_stats");
        assertEquals(st[0], ws.ssq(), TOL * st[0], name + " ssq");
        assertEquals(st[1], ws.sumlog(), TOL * Math.max(1, Math.abs(st[1])), name + " sumlog");
        assertEquals((int) st[2], ws.nu(), name + " nu");
        double[] rr = REF.get(name + "_resid");
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(rr[i])) {
                assertTrue(Double.isNaN(resid[i]));
            } else {
                assertEquals(rr[i], resid[i], 1e-8, name + " resid " + i);
            }
        }
        double[] mean = new double[10];
        double[] var = new double[10];
        KalmanForecaster.forecast(phi, theta, delta, ws.state(), ws.covariance(), mean, var);
        assertArrayEquals(REF.get(name + "_fcmean"), mean, 1e-8, name + " forecast mean");
        assertArrayEquals(REF.get(name + "_fcvar"), var, 1e-8, name + " forecast var");
    }

    @Test
    void evaluate_arma21_matchesR() {
        check("like_arma21", REF.get("x1"), new double[] {0.5, -0.3}, new double[] {0.4}, new double[0]);
    }

    @Test
    void evaluate_arima111_matchesR() {
        check("like_arima111", REF.get("x2"), new double[] {0.6}, new double[] {-0.3}, new double[] {1});
    }

    @Test
    void evaluate_missingValues_skipsUpdatesLikeR() {
        check("like_arima111_na", REF.get("x3"), new double[] {0.6}, new double[] {-0.3}, new double[] {1});
    }

    @Test
    void evaluate_airlineModel_matchesR() {
        check("like_airline", REF.get("x4"), new double[0], AIRLINE_THETA, AIRLINE_DELTA);
    }

    @Test
    void evaluate_stationaryModel_reachesSteadyState() {
        KalmanWorkspace ws = new KalmanWorkspace(1, 1, 1);
        KalmanLikelihood.evaluate(REF.get("x2"), new double[] {0.6}, new double[] {-0.3}, new double[] {1}, ws, null);
        assertTrue(ws.steadyFrom() > 0 && ws.steadyFrom() < 80, "steady from " + ws.steadyFrom());
    }

    @Test
    void evaluate_reusedWorkspace_givesSameResult() {
        KalmanWorkspace ws = new KalmanWorkspace(0, 13, 13);
        double[] x = REF.get("x4");
        double a = KalmanLikelihood.evaluate(x, new double[0], AIRLINE_THETA, AIRLINE_DELTA, ws, null);
        KalmanLikelihood.evaluate(REF.get("x4"), new double[0], new double[13], AIRLINE_DELTA, ws, null);
        double b = KalmanLikelihood.evaluate(x, new double[0], AIRLINE_THETA, AIRLINE_DELTA, ws, null);
        assertEquals(a, b, 0.0);
    }

    @Test
    void evaluate_css_matchesR() {
        double[] x2 = REF.get("x2");
        double[] resid = new double[x2.length];
        double css = ArimaCss.meanSquare(x2, 1, 0, 1, new double[] {0.6}, new double[] {-0.3}, 2,
                new double[x2.length], resid);
        assertEquals(REF.get("css_arima111")[0], css, 1e-12);
        assertArrayEquals(REF.get("css_arima111_resid"), resid, 1e-10);
        double[] x4 = REF.get("x4");
        resid = new double[x4.length];
        css = ArimaCss.meanSquare(x4, 1, 1, 12, new double[0], AIRLINE_THETA, 13, new double[x4.length], resid);
        assertEquals(REF.get("css_airline")[0], css, 1e-14);
        assertArrayEquals(REF.get("css_airline_resid"), resid, 1e-10);
    }
}
