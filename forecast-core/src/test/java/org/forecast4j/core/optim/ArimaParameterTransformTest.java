package org.forecast4j.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.forecast4j.core.testutil.ReferenceData;
import org.junit.jupiter.api.Test;

/** Reference: R 4.2.2 stats internals, script src/test/resources/reference/arima/kernels.R. */
class ArimaParameterTransformTest {

    /** Deterministic kernels: only rounding differs from R's C code. */
    private static final double TOL = 1e-12;
    private static final Map<String, double[]> REF = ReferenceData.load("reference/arima/kernels.csv");
    // arma = (p, q, P, Q, s) = (3, 1, 2, 1, 4)
    private static final int P = 3;
    private static final int Q = 1;
    private static final int SP = 2;
    private static final int SQ = 1;
    private static final int S = 4;

    @Test
    void transPars_transformed_matchesR() {
        double[] phi = new double[P + S * SP];
        double[] theta = new double[Q + S * SQ];
        ArimaParameterTransform.transPars(P, Q, SP, SQ, S, REF.get("raw"), true, phi, theta, new double[20]);
        assertArrayEquals(REF.get("transPars_true_phi"), phi, TOL);
        assertArrayEquals(REF.get("transPars_true_theta"), theta, TOL);
    }

    @Test
    void transPars_untransformed_matchesR() {
        double[] phi = new double[P + S * SP];
        double[] theta = new double[Q + S * SQ];
        ArimaParameterTransform.transPars(P, Q, SP, SQ, S, REF.get("raw"), false, phi, theta, new double[20]);
        assertArrayEquals(REF.get("transPars_false_phi"), phi, TOL);
        assertArrayEquals(REF.get("transPars_false_theta"), theta, TOL);
    }

    @Test
    void undoPars_and_invtrans_matchR() {
        double[] und = ArimaParameterTransform.undoPars(P, Q, SP, REF.get("raw"));
        assertArrayEquals(REF.get("undoPars"), und, TOL);
        assertArrayEquals(REF.get("invtrans_of_undoPars"), ArimaParameterTransform.invtrans(P, Q, SP, und), 1e-10);
    }

    @Test
    void gradtrans_matchesR() {
        double[][] a = ArimaParameterTransform.gradtrans(P, Q, SP, REF.get("raw"));
        double[] ref = REF.get("gradtrans"); // column-major: A[i + j n]
        int n = a.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                org.junit.jupiter.api.Assertions.assertEquals(ref[i + j * n], a[i][j], 1e-9, "A[" + i + "][" + j + "]");
            }
        }
    }

    @Property
    void invtrans_undoesUndoPars(@ForAll("raw") double[] raw) {
        double[] coef = ArimaParameterTransform.undoPars(3, 1, 2, raw);
        double[] back = ArimaParameterTransform.invtrans(3, 1, 2, coef);
        assertArrayEquals(raw, back, 1e-7);
    }

    @Provide
    Arbitrary<double[]> raw() {
        // |u| <= 3 keeps tanh(u) away from ±1 so atanh is well conditioned
        return Arbitraries.doubles().between(-3, 3).array(double[].class).ofSize(7);
    }
}
