package org.forecast4j.lstm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Checks the offset GEMM kernels against EJML's {@code CommonOps_DDRM} (an independent implementation). Column
 * counts up to 72 reach the SIMD kernels (which need at least two vectors of columns) when they are enabled.
 */
class GemmTest {

    /** Products of O(1) numbers summed over at most ~40 terms agree to a few ulps; 1e-12 leaves room. */
    private static final double TOL = 1e-12;

    @Property(tries = 60)
    void multAdd_randomShapes_matchesEjml(@ForAll @IntRange(min = 1, max = 13) int m,
                                          @ForAll @IntRange(min = 1, max = 13) int k,
                                          @ForAll @IntRange(min = 1, max = 72) int n) {
        Random rnd = new Random(m * 1000 + k * 100 + n);
        DMatrixRMaj a = DMatrixRMaj.wrap(m, k, random(rnd, m * k));
        DMatrixRMaj b = DMatrixRMaj.wrap(k, n, random(rnd, k * n));
        DMatrixRMaj c0 = DMatrixRMaj.wrap(m, n, random(rnd, m * n));
        DMatrixRMaj expected = c0.copy();
        CommonOps_DDRM.multAdd(a, b, expected);
        // place operands at offsets inside larger arrays
        double[] aa = embed(a.data, 3);
        double[] bb = embed(b.data, 5);
        double[] cc = embed(c0.data, 7);
        Gemm.multAdd(aa, 3, m, k, bb, 5, n, cc, 7);
        assertArrayEquals(expected.data, java.util.Arrays.copyOfRange(cc, 7, 7 + m * n), TOL);
    }

    @Property(tries = 60)
    void multAddTransA_randomShapes_matchesEjml(@ForAll @IntRange(min = 1, max = 13) int m,
                                                @ForAll @IntRange(min = 1, max = 13) int k,
                                                @ForAll @IntRange(min = 1, max = 72) int n) {
        Random rnd = new Random(m * 1000 + k * 100 + n + 1);
        DMatrixRMaj a = DMatrixRMaj.wrap(m, k, random(rnd, m * k));
        DMatrixRMaj b = DMatrixRMaj.wrap(m, n, random(rnd, m * n));
        DMatrixRMaj c0 = DMatrixRMaj.wrap(k, n, random(rnd, k * n));
        DMatrixRMaj expected = c0.copy();
        CommonOps_DDRM.multAddTransA(a, b, expected);
        double[] aa = embed(a.data, 2);
        double[] bb = embed(b.data, 4);
        double[] cc = embed(c0.data, 1);
        Gemm.multAddTransA(aa, 2, m, k, bb, 4, n, cc, 1);
        assertArrayEquals(expected.data, java.util.Arrays.copyOfRange(cc, 1, 1 + k * n), TOL);
    }

    @Test
    void transposeAndColumnSums_smallMatrix_matchEjml() {
        Random rnd = new Random(5);
        DMatrixRMaj a = DMatrixRMaj.wrap(3, 4, random(rnd, 12));
        double[] t = new double[12];
        Gemm.transpose(a.data, 0, 3, 4, t, 0);
        assertArrayEquals(CommonOps_DDRM.transpose(a, null).data, t, 0.0);
        double[] s = new double[4];
        Gemm.addColumnSums(a.data, 0, 3, 4, s, 0);
        assertArrayEquals(CommonOps_DDRM.sumCols(a, null).data, s, TOL);
        double[] rows = new double[8];
        Gemm.setRows(new double[] {9, 1, 2}, 1, 4, 2, rows, 0);
        assertArrayEquals(new double[] {1, 2, 1, 2, 1, 2, 1, 2}, rows, 0.0);
    }

    private static double[] random(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
        }
        return x;
    }

    private static double[] embed(double[] x, int off) {
        double[] out = new double[x.length + off + 3];
        System.arraycopy(x, 0, out, off, x.length);
        return out;
    }
}
