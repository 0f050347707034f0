package org.forecast4j.core.statespace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reference: R 4.2.2 {@code stats:::C_getQ0}, script src/test/resources/reference/arima/kernels.R. */
class GardnerQ0Test {

    private static final Map<String, double[]> REF = ReferenceData.load("reference/arima/kernels.csv");

    @ParameterizedTest
    @ValueSource(strings = {"q0a", "q0b", "q0c", "q0d", "q0e"})
    void compute_referenceModels_matchesR(String name) {
        double[] phi = REF.get(name + "_phi");
        double[] theta = REF.get(name + "_theta");
        int r = Math.max(phi.length, theta.length + 1);
        double[] out = new double[r * r];
        GardnerQ0.compute(phi, phi.length, theta, theta.length, out, r, new double[GardnerQ0.workSize(r)]);
        double[] ref = REF.get(name + "_Q0");
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                // deterministic kernel, same algorithm: rounding only
                assertEquals(ref[i + j * r], out[i * r + j], 1e-10 * Math.max(1, Math.abs(ref[i + j * r])),
                        name + " Q0[" + i + "][" + j + "]");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"q0a", "q0c", "q0e"})
    void compute_solvesLyapunovEquation(String name) {
        // independent check: Q0 = T Q0 T' + R R'
        double[] phi = REF.get(name + "_phi");
        double[] theta = REF.get(name + "_theta");
        int r = Math.max(phi.length, theta.length + 1);
        double[] q0 = new double[r * r];
        GardnerQ0.compute(phi, phi.length, theta, theta.length, q0, r, new double[GardnerQ0.workSize(r)]);
        double[] mm = new double[r * r];
        double[] pn = new double[r * r];
        KalmanLikelihood.predictCovariance(phi, theta, new double[0], r, r, q0, mm, pn);
        for (int i = 0; i < r * r; i++) {
            assertEquals(q0[i], pn[i], 1e-10);
        }
    }
}
