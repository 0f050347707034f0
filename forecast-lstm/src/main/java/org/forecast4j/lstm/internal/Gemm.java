package org.forecast4j.lstm.internal;

/**
 * Dense matrix-product kernels on flat row-major {@code double[]} storage with offsets, the hot loops of the
 * recurrent network. Element {@code (i, j)} of an {@code r×c} matrix stored at offset {@code off} is
 * {@code data[off + i*c + j]}.
 *
 * <p>Every kernel <em>accumulates</em> into its output ({@code C += ...}), so callers zero the output first when
 * they want a plain product. The innermost loop is always a contiguous update {@code c[j] += Σ a·b[j]} over a row,
 * which HotSpot's C2 compiles to SIMD code; the reduction dimension is unrolled by four so that each load and
 * store of {@code c} serves four multiply-adds (the loops are memory-bound otherwise). The summation order is
 * fixed, so results are bit-for-bit reproducible. EJML's {@code CommonOps_DDRM.mult} has no offsets into a shared
 * array, which the per-time-step slices of the network need; the tests check these kernels against it.
 *
 * <p>Outputs must not alias inputs (not checked: internal kernels).
 */
public final class Gemm {

    private Gemm() {
    }

    /**
     * {@code C += A·B}: c<sub>ij</sub> += &sum;<sub>p</sub> a<sub>ip</sub> b<sub>pj</sub>.
     *
     * @param a    A, {@code m×k} at {@code aOff}. Not modified.
     * @param aOff offset of A
     * @param m    rows of A and C
     * @param k    columns of A, rows of B
     * @param b    B, {@code k×n} at {@code bOff}. Not modified.
     * @param bOff offset of B
     * @param n    columns of B and C
     * @param c    C, {@code m×n} at {@code cOff}. Modified.
     * @param cOff offset of C
     */
    public static void multAdd(double[] a, int aOff, int m, int k, double[] b, int bOff, int n, double[] c,
                               int cOff) {
        if (VectorSupport.ENABLED && n >= 2 * VectorSupport.LANES) {
            VectorKernels.multAdd(a, aOff, m, k, b, bOff, n, c, cOff);
            return;
        }
        int k4 = k - (k & 3);
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * k;
            int ci = cOff + i * n;
            int p = 0;
            for (; p < k4; p += 4) {
                // c_i. += a_ip b_p. + a_i(p+1) b_(p+1). + a_i(p+2) b_(p+2). + a_i(p+3) b_(p+3).
                double a0 = a[ai + p];
                double a1 = a[ai + p + 1];
                double a2 = a[ai + p + 2];
                double a3 = a[ai + p + 3];
                int b0 = bOff + p * n;
                int b1 = b0 + n;
                int b2 = b1 + n;
                int b3 = b2 + n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
            for (; p < k; p++) {
                double a0 = a[ai + p];
                int b0 = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += a0 * b[b0 + j];
                }
            }
        }
    }

    /**
     * {@code C += Aᵀ·B}: c<sub>pj</sub> += &sum;<sub>r</sub> a<sub>rp</sub> b<sub>rj</sub>, the weight-gradient
     * product summed over all rows (time steps × batch) at once.
     *
     * @param a    A, {@code m×k} at {@code aOff}. Not modified.
     * @param aOff offset of A
     * @param m    rows of A and B (the summed dimension)
     * @param k    columns of A, rows of C
     * @param b    B, {@code m×n} at {@code bOff}. Not modified.
     * @param bOff offset of B
     * @param n    columns of B and C
     * @param c    C, {@code k×n} at {@code cOff}. Modified.
     * @param cOff offset of C
     */
    public static void multAddTransA(double[] a, int aOff, int m, int k, double[] b, int bOff, int n, double[] c,
                                     int cOff) {
        if (VectorSupport.ENABLED && n >= 2 * VectorSupport.LANES) {
            VectorKernels.multAddTransA(a, aOff, m, k, b, bOff, n, c, cOff);
            return;
        }
        int m4 = m - (m & 3);
        int r = 0;
        for (; r < m4; r += 4) {
            int a0r = aOff + r * k;
            int b0 = bOff + r * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int p = 0; p < k; p++) {
                // c_p. += a_rp b_r. + ... over four rows r
                double a0 = a[a0r + p];
                double a1 = a[a0r + k + p];
                double a2 = a[a0r + 2 * k + p];
                double a3 = a[a0r + 3 * k + p];
                int cp = cOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[cp + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
        }
        for (; r < m; r++) {
            int ar = aOff + r * k;
            int b0 = bOff + r * n;
            for (int p = 0; p < k; p++) {
                double a0 = a[ar + p];
                int cp = cOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[cp + j] += a0 * b[b0 + j];
                }
            }
        }
    }

    /**
     * {@code C += colsum(A)}: c<sub>j</sub> += &sum;<sub>r</sub> a<sub>rj</sub> (bias gradients).
     *
     * @param a    A, {@code m×n} at {@code aOff}. Not modified.
     * @param aOff offset of A
     * @param m    rows of A
     * @param n    columns
     * @param c    vector of length n at {@code cOff}. Modified.
     * @param cOff offset of c
     */
    public static void addColumnSums(double[] a, int aOff, int m, int n, double[] c, int cOff) {
        for (int r = 0; r < m; r++) {
            int ar = aOff + r * n;
            for (int j = 0; j < n; j++) {
                c[cOff + j] += a[ar + j];
            }
        }
    }

    /**
     * Sets every row of C to the vector v: c<sub>ij</sub> = v<sub>j</sub> (bias initialisation of pre-activations).
     *
     * @param v    vector of length n at {@code vOff}. Not modified.
     * @param vOff offset of v
     * @param m    rows of C
     * @param n    columns of C
     * @param c    C, {@code m×n} at {@code cOff}. Modified.
     * @param cOff offset of C
     */
    public static void setRows(double[] v, int vOff, int m, int n, double[] c, int cOff) {
        for (int i = 0; i < m; i++) {
            System.arraycopy(v, vOff, c, cOff + i * n, n);
        }
    }

    /**
     * {@code out = Aᵀ}.
     *
     * @param a      A, {@code rows×cols} at {@code aOff}. Not modified.
     * @param aOff   offset of A
     * @param rows   rows of A
     * @param cols   columns of A
     * @param out    {@code cols×rows} at {@code outOff}. Modified.
     * @param outOff offset of out
     */
    public static void transpose(double[] a, int aOff, int rows, int cols, double[] out, int outOff) {
        for (int i = 0; i < rows; i++) {
            int ai = aOff + i * cols;
            for (int j = 0; j < cols; j++) {
                out[outOff + j * rows + i] = a[ai + j];
            }
        }
    }
}
