package org.forecast4j.core.statespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.api.Test;

/**
 * The Chandrasekhar recursions against R 4.2.2's {@code ARIMA_Like} (kernels.R) and against the Riccati filter of
 * {@link KalmanLikelihood}: the same exact likelihood, so agreement to rounding (1e-9 relative).
 */
class ChandrasekharLikelihoodTest {

    private static final Map<String, double[]> REF = ReferenceData.load("reference/arima/kernels.csv");

    @Test
    void evaluate_arma21_matchesR() {
        KalmanWorkspace ws = new KalmanWorkspace(2, 1, 0);
        ChandrasekharLikelihood.evaluate(REF.get("x1"), new double[] {0.5, -0.3}, new double[] {0.4}, ws);
        double[] st = REF.get("like_arma21_stats");
        assertEquals(st[0], ws.ssq(), 1e-9 * st[0]);
        assertEquals(st[1], ws.sumlog(), 1e-9);
        assertEquals((int) st[2], ws.nu());
    }

    @Property(tries = 200)
    void evaluate_randomSeasonalArma_equalsRiccatiFilter(@ForAll long seed,
                                                        @ForAll @DoubleRange(min = -0.95, max = 0.95) double ar,
                                                        @ForAll @DoubleRange(min = -0.99, max = 0.99) double ma,
                                                        @ForAll @DoubleRange(min = -0.99, max = 0.99) double sma) {
        // (1 - ar B) u = (1 + ma B)(1 + sma B^7) e, the differenced form of a seasonal ARIMA
        double[] phi = {ar};
        double[] theta = new double[8];
        theta[0] = ma;
        theta[6] = sma;
        theta[7] = ma * sma;
        Random rnd = new Random(seed);
        double[] y = new double[150];
        for (int i = 0; i < y.length; i++) {
            y[i] = rnd.nextGaussian() + (i > 0 ? ar * y[i - 1] : 0);
        }
        KalmanWorkspace a = new KalmanWorkspace(1, 8, 0);
        KalmanWorkspace b = new KalmanWorkspace(1, 8, 0);
        ChandrasekharLikelihood.evaluate(y, phi, theta, a);
        KalmanLikelihood.evaluate(y, phi, theta, new double[0], b, null);
        assertEquals(b.ssq(), a.ssq(), 1e-9 * b.ssq());
        assertEquals(b.sumlog(), a.sumlog(), 1e-9 * Math.max(1, Math.abs(b.sumlog())));
        assertEquals(b.nu(), a.nu());
    }

    @Test
    void evaluate_workspaceWithDifferencing_throws() {
        assertThrows(IllegalArgumentException.class, () -> ChandrasekharLikelihood.evaluate(new double[3],
                new double[] {0.5}, new double[0], new KalmanWorkspace(1, 0, 1)));
    }
}
