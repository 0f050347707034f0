package org.forecast4j.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calibration against R's {@code nls}. Reference: R 4.2.2 stats::nls, script
 * src/test/resources/reference/calibration_nls.R (data calibration_data.csv, results calibration_expected.csv).
 */
class CurveCalibrationTest {

    /** Both reach the same least-squares optimum; nls stops at relative offset 1e-5, so 1e-4 relative. */
    private static final double EST_TOL = 1e-4;
    /** Standard errors depend on the optimum through J; 1e-3 relative. */
    private static final double SE_TOL = 1e-3;

    private static List<String[]> csv(String name) throws IOException {
        try (InputStream in = CurveCalibrationTest.class.getResourceAsStream("/reference/" + name)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\\R");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                rows.add(lines[i].replace("\"", "").split(","));
            }
            return rows;
        }
    }

    private static double[] column(List<String[]> rows, int c) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(rows.get(i)[c]);
        }
        return v;
    }

    private static void check(CalibrationResult r, List<String[]> expected, String model, int offset) {
        int j = 0;
        for (String[] e : expected) {
            if (!e[0].equals(model)) {
                continue;
            }
            double est = Double.parseDouble(e[2]);
            double se = Double.parseDouble(e[3]);
            assertEquals(est, r.estimates()[j + offset], EST_TOL * Math.abs(est), model + " " + e[1]);
            assertEquals(se, r.standardErrors()[j + offset], SE_TOL * se, model + " se " + e[1]);
            assertEquals(Double.parseDouble(e[4]), r.rmse(), 1e-6 * r.rmse(), model + " rmse");
            j++;
        }
        assertTrue(j > 0);
    }

    @Test
    void fitLift_exponentialAndHill_matchR() throws IOException {
        List<String[]> data = csv("calibration_data.csv");
        List<String[]> expected = csv("calibration_expected.csv");
        double[] x = column(data, 0);
        CalibrationResult e = CurveCalibration.fitLift("exponential", x, column(data, 1));
        check(e, expected, "exponential", 0);
        assertTrue(e.rSquared() > 0.99);
        CalibrationResult h = CurveCalibration.fitLift("hill", x, column(data, 2));
        // R's order M, e, s is ours: maxLift, ec50, shape
        check(h, expected, "hill", 0);
        assertTrue(h.identified());
        assertEquals(h.estimates()[0], ((HillCurve) h.curve()).maxLift(), 0);
    }

    @Test
    void fitOutcome_logWithBaseline_matchesR() throws IOException {
        List<String[]> data = csv("calibration_data.csv");
        CalibrationResult r = CurveCalibration.fitOutcome("log", column(data, 0), column(data, 3));
        // R's parameters b, cc, k are ours: baseline, coefficient, scale
        check(r, csv("calibration_expected.csv"), "log-outcome", 0);
        assertEquals(r.estimates()[0], r.baseline(), 0);
    }

    @Test
    void fitLift_noiselessLinear_recoversRateExactly() {
        double[] x = {100, 200, 400, 800};
        double[] l = {0.01, 0.02, 0.04, 0.08};
        CalibrationResult r = CurveCalibration.fitLift("linear", x, l);
        assertEquals(1e-4, r.estimates()[0], 1e-12);
        assertEquals(0, r.rmse(), 1e-12);
        assertEquals(1, r.rSquared(), 1e-12);
    }

    @Test
    void fit_badInput_throwsNamingTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CurveCalibration.fitLift("sigmoid", new double[] {1, 2, 3}, new double[] {1, 2, 3}))
                .getMessage().contains("sigmoid"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CurveCalibration.fitLift("hill", new double[] {1, 2, 3}, new double[] {1, 2, 3}))
                .getMessage().contains("more observations than parameters"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CurveCalibration.fitLift("log", new double[] {1, -2, 3}, new double[] {1, 2, 3}))
                .getMessage().contains("spend[1]"));
    }
}
