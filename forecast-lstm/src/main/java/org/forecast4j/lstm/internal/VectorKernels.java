package org.forecast4j.lstm.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD versions of the hottest kernels, on the JDK's incubating Vector API ({@code jdk.incubator.vector}). Only
 * loaded when that module is present (the JVM runs with {@code --add-modules jdk.incubator.vector}); otherwise
 * {@link Gemm} and {@link Network} use their scalar loops. See {@link VectorSupport}.
 *
 * <p>The product kernel is register-blocked: a tile of 4 rows × 4 vectors of C (16 accumulators; 4 × 2 and
 * 1 × 2 tiles at the edges) stays in
 * registers while the reduction dimension streams through, so each element of C is loaded and stored once per
 * block of {@link #KC} reduction steps instead of once per multiply-add (the scalar kernel's bottleneck). Results
 * differ from the scalar kernels in rounding (fused multiply-add, another summation order) but are
 * deterministic for a given machine and JVM.
 */
final class VectorKernels {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    /** Reduction block: 256 rows of a 2-vector strip of B (≤ 32 KiB at 512-bit vectors) stay in L1/L2. */
    static final int KC = 256;

    private VectorKernels() {
    }

    /**
     * Lanes per vector.
     *
     * @return doubles per SIMD register
     */
    static int lanes() {
        return VL;
    }

    /**
     * {@code C += A·B}, same contract as {@link Gemm#multAdd}; requires {@code n >= 2·lanes()} to be useful.
     *
     * @param a    A ({@code m×k}). Not modified.
     * @param aOff offset of A
     * @param m    rows
     * @param k    reduction length
     * @param b    B ({@code k×n}). Not modified.
     * @param bOff offset of B
     * @param n    columns
     * @param c    C ({@code m×n}). Modified.
     * @param cOff offset of C
     */
    static void multAdd(double[] a, int aOff, int m, int k, double[] b, int bOff, int n, double[] c, int cOff) {
        gemm(a, aOff, k, 1, m, k, b, bOff, n, c, cOff);
    }

    /**
     * {@code C += Aᵀ·B} without materialising {@code Aᵀ}: same contract as {@link Gemm#multAddTransA}.
     *
     * @param a    A ({@code m×k}). Not modified.
     * @param aOff offset of A
     * @param m    rows of A and B (the summed dimension)
     * @param k    columns of A, rows of C
     * @param b    B ({@code m×n}). Not modified.
     * @param bOff offset of B
     * @param n    columns
     * @param c    C ({@code k×n}). Modified.
     * @param cOff offset of C
     */
    static void multAddTransA(double[] a, int aOff, int m, int k, double[] b, int bOff, int n, double[] c,
                              int cOff) {
        // element (row i of C, reduction q) of the left factor is A[q][i] = a[aOff + i + q·k]
        gemm(a, aOff, 1, k, k, m, b, bOff, n, c, cOff);
    }

    /**
     * {@code C(rows×n) += L(rows×red)·B(red×n)} where {@code L(i, q) = a[aOff + i·ars + q·acs]}.
     */
    private static void gemm(double[] a, int aOff, int ars, int acs, int rows, int red, double[] b, int bOff, int n,
                             double[] c, int cOff) {
        final int w = 2 * VL;
        final int n4 = n - n % (2 * w);
        final int n2 = n - n % w;
        final int n1 = n - n % VL;
        final int m4 = rows - (rows & 3);
        for (int kk = 0; kk < red; kk += KC) {
            int ke = Math.min(red, kk + KC);
            for (int j = 0; j < n4; j += 2 * w) {
                int i = 0;
                for (; i < m4; i += 4) {
                    tile4x4(a, aOff + i * ars, ars, acs, kk, ke, b, bOff + j, n, c, cOff + i * n + j);
                }
                for (; i < rows; i++) {
                    tile1x2(a, aOff + i * ars, acs, kk, ke, b, bOff + j, n, c, cOff + i * n + j);
                    tile1x2(a, aOff + i * ars, acs, kk, ke, b, bOff + j + w, n, c, cOff + i * n + j + w);
                }
            }
            for (int j = n4; j < n2; j += w) {
                int i = 0;
                for (; i < m4; i += 4) {
                    tile4x2(a, aOff + i * ars, ars, acs, kk, ke, b, bOff + j, n, c, cOff + i * n + j);
                }
                for (; i < rows; i++) {
                    tile1x2(a, aOff + i * ars, acs, kk, ke, b, bOff + j, n, c, cOff + i * n + j);
                }
            }
            for (int j = n2; j < n1; j += VL) {
                for (int i = 0; i < rows; i++) {
                    tile1x1(a, aOff + i * ars, acs, kk, ke, b, bOff + j, n, c, cOff + i * n + j);
                }
            }
            if (n1 < n) {
                for (int i = 0; i < rows; i++) {
                    int ai = aOff + i * ars;
                    int ci = cOff + i * n;
                    for (int p = kk; p < ke; p++) {
                        double av = a[ai + p * acs];
                        int bp = bOff + p * n;
                        for (int j = n1; j < n; j++) {
                            c[ci + j] += av * b[bp + j];
                        }
                    }
                }
            }
        }
    }

    private static void tile4x4(double[] a, int a0, int ars, int acs, int kk, int ke, double[] b, int bOff, int n,
                                double[] c, int c0) {
        // 16 accumulators c[r][v] += a[r][p] * b[p][v] for r < 4, v < 4: 8 loads per 16 multiply-adds
        int a1 = a0 + ars;
        int a2 = a1 + ars;
        int a3 = a2 + ars;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        int v2 = 2 * VL;
        int v3 = 3 * VL;
        DoubleVector s00 = DoubleVector.fromArray(S, c, c0);
        DoubleVector s01 = DoubleVector.fromArray(S, c, c0 + VL);
        DoubleVector s02 = DoubleVector.fromArray(S, c, c0 + v2);
        DoubleVector s03 = DoubleVector.fromArray(S, c, c0 + v3);
        DoubleVector s10 = DoubleVector.fromArray(S, c, c1);
        DoubleVector s11 = DoubleVector.fromArray(S, c, c1 + VL);
        DoubleVector s12 = DoubleVector.fromArray(S, c, c1 + v2);
        DoubleVector s13 = DoubleVector.fromArray(S, c, c1 + v3);
        DoubleVector s20 = DoubleVector.fromArray(S, c, c2);
        DoubleVector s21 = DoubleVector.fromArray(S, c, c2 + VL);
        DoubleVector s22 = DoubleVector.fromArray(S, c, c2 + v2);
        DoubleVector s23 = DoubleVector.fromArray(S, c, c2 + v3);
        DoubleVector s30 = DoubleVector.fromArray(S, c, c3);
        DoubleVector s31 = DoubleVector.fromArray(S, c, c3 + VL);
        DoubleVector s32 = DoubleVector.fromArray(S, c, c3 + v2);
        DoubleVector s33 = DoubleVector.fromArray(S, c, c3 + v3);
        for (int p = kk; p < ke; p++) {
            int bp = bOff + p * n;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bp + VL);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bp + v2);
            DoubleVector b3 = DoubleVector.fromArray(S, b, bp + v3);
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + p * acs]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            s02 = x.fma(b2, s02);
            s03 = x.fma(b3, s03);
            x = DoubleVector.broadcast(S, a[a1 + p * acs]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            s12 = x.fma(b2, s12);
            s13 = x.fma(b3, s13);
            x = DoubleVector.broadcast(S, a[a2 + p * acs]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            s22 = x.fma(b2, s22);
            s23 = x.fma(b3, s23);
            x = DoubleVector.broadcast(S, a[a3 + p * acs]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
            s32 = x.fma(b2, s32);
            s33 = x.fma(b3, s33);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + VL);
        s02.intoArray(c, c0 + v2);
        s03.intoArray(c, c0 + v3);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + VL);
        s12.intoArray(c, c1 + v2);
        s13.intoArray(c, c1 + v3);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + VL);
        s22.intoArray(c, c2 + v2);
        s23.intoArray(c, c2 + v3);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + VL);
        s32.intoArray(c, c3 + v2);
        s33.intoArray(c, c3 + v3);
    }

    private static void tile4x2(double[] a, int a0, int ars, int acs, int kk, int ke, double[] b, int bOff, int n,
                                double[] c, int c0) {
        // 8 accumulators c[r][v] += a[r][p] * b[p][v] for r < 4, v < 2
        int a1 = a0 + ars;
        int a2 = a1 + ars;
        int a3 = a2 + ars;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        DoubleVector s00 = DoubleVector.fromArray(S, c, c0);
        DoubleVector s01 = DoubleVector.fromArray(S, c, c0 + VL);
        DoubleVector s10 = DoubleVector.fromArray(S, c, c1);
        DoubleVector s11 = DoubleVector.fromArray(S, c, c1 + VL);
        DoubleVector s20 = DoubleVector.fromArray(S, c, c2);
        DoubleVector s21 = DoubleVector.fromArray(S, c, c2 + VL);
        DoubleVector s30 = DoubleVector.fromArray(S, c, c3);
        DoubleVector s31 = DoubleVector.fromArray(S, c, c3 + VL);
        for (int p = kk; p < ke; p++) {
            int bp = bOff + p * n;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bp + VL);
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + p * acs]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = DoubleVector.broadcast(S, a[a1 + p * acs]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = DoubleVector.broadcast(S, a[a2 + p * acs]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = DoubleVector.broadcast(S, a[a3 + p * acs]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + VL);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + VL);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + VL);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + VL);
    }

    private static void tile1x2(double[] a, int a0, int acs, int kk, int ke, double[] b, int bOff, int n,
                                double[] c, int c0) {
        DoubleVector s0 = DoubleVector.fromArray(S, c, c0);
        DoubleVector s1 = DoubleVector.fromArray(S, c, c0 + VL);
        for (int p = kk; p < ke; p++) {
            int bp = bOff + p * n;
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + p * acs]);
            s0 = x.fma(DoubleVector.fromArray(S, b, bp), s0);
            s1 = x.fma(DoubleVector.fromArray(S, b, bp + VL), s1);
        }
        s0.intoArray(c, c0);
        s1.intoArray(c, c0 + VL);
    }

    private static void tile1x1(double[] a, int a0, int acs, int kk, int ke, double[] b, int bOff, int n,
                                double[] c, int c0) {
        DoubleVector s0 = DoubleVector.fromArray(S, c, c0);
        for (int p = kk; p < ke; p++) {
            s0 = DoubleVector.broadcast(S, a[a0 + p * acs]).fma(DoubleVector.fromArray(S, b, bOff + p * n), s0);
        }
        s0.intoArray(c, c0);
    }

    /**
     * The LSTM cell's pointwise forward step for one row (one window at one time step), vectorised over the
     * hidden units: gate activations in place, {@code c_t = i⊙g + f⊙c_{t-1}}, {@code tanh(c_t)} and
     * {@code h_t = o⊙tanh(c_t)}. Same formulas as the scalar loop in {@link Network}.
     *
     * @param z  gate pre-activations {@code [i f g o]} at {@code zr}, overwritten by activations. Modified.
     * @param zr row offset in z
     * @param c  cell states; row written at {@code cr}, previous row read at {@code cp} when {@code cp >= 0}.
     *           Modified.
     * @param cr offset of {@code c_t}
     * @param cp offset of {@code c_{t-1}}, or -1 at the first step
     * @param tc {@code tanh(c_t)} at {@code cr}. Modified.
     * @param hs hidden states, {@code h_t} written at {@code hr}. Modified.
     * @param hr offset of {@code h_t}
     * @param h  hidden units
     */
    static void lstmPointwise(double[] z, int zr, double[] c, int cr, int cp, double[] tc, double[] hs, int hr,
                              int h) {
        int hv = h - h % VL;
        int j = 0;
        for (; j < hv; j += VL) {
            DoubleVector ig = sigmoid(DoubleVector.fromArray(S, z, zr + j));
            DoubleVector fg = sigmoid(DoubleVector.fromArray(S, z, zr + h + j));
            DoubleVector gg = tanh(DoubleVector.fromArray(S, z, zr + 2 * h + j));
            DoubleVector og = sigmoid(DoubleVector.fromArray(S, z, zr + 3 * h + j));
            ig.intoArray(z, zr + j);
            fg.intoArray(z, zr + h + j);
            gg.intoArray(z, zr + 2 * h + j);
            og.intoArray(z, zr + 3 * h + j);
            DoubleVector cv = ig.mul(gg);
            if (cp >= 0) {
                cv = cv.add(fg.mul(DoubleVector.fromArray(S, c, cp + j)));
            }
            cv.intoArray(c, cr + j);
            DoubleVector tcv = tanh(cv);
            tcv.intoArray(tc, cr + j);
            og.mul(tcv).intoArray(hs, hr + j);
        }
        for (; j < h; j++) {
            double ig = Network.sigmoid(z[zr + j]);
            double fg = Network.sigmoid(z[zr + h + j]);
            double gg = Network.tanh(z[zr + 2 * h + j]);
            double og = Network.sigmoid(z[zr + 3 * h + j]);
            z[zr + j] = ig;
            z[zr + h + j] = fg;
            z[zr + 2 * h + j] = gg;
            z[zr + 3 * h + j] = og;
            double cv = ig * gg + (cp < 0 ? 0.0 : fg * c[cp + j]);
            c[cr + j] = cv;
            double tcv = Network.tanh(cv);
            tc[cr + j] = tcv;
            hs[hr + j] = og * tcv;
        }
    }

    /**
     * The LSTM cell's pointwise backward step for one row (same formulas as the scalar loop in {@link Network}):
     * {@code dc = dc_next + dh⊙o⊙(1-tanh²c)}, gate gradients {@code dz = [dc⊙g⊙i(1-i), dc⊙c_{t-1}⊙f(1-f),
     * dc⊙i⊙(1-g²), dh⊙tanh(c)⊙o(1-o)]}, and {@code dc_{t-1} = dc⊙f}.
     *
     * @param z    gate activations {@code [i f g o]} at {@code zr}. Not modified.
     * @param zr   row offset in z and dz
     * @param c    cell states; {@code c_{t-1}} read at {@code cp} when {@code cp >= 0}. Not modified.
     * @param cp   offset of {@code c_{t-1}}, or -1 at the first step
     * @param tc   {@code tanh(c_t)} at {@code idx}. Not modified.
     * @param dout gradient from above at {@code idx}. Not modified.
     * @param idx  row offset in tc and dout
     * @param dh   recurrent gradient of {@code h_t} at {@code sr}. Not modified.
     * @param dc   recurrent gradient of {@code c_t} at {@code sr}, replaced by that of {@code c_{t-1}}. Modified.
     * @param sr   row offset in dh and dc
     * @param dz   gate pre-activation gradients at {@code zr}. Modified.
     * @param h    hidden units
     */
    static void lstmBackwardPointwise(double[] z, int zr, double[] c, int cp, double[] tc, double[] dout, int idx,
                                      double[] dh, double[] dc, int sr, double[] dz, int h) {
        int hv = h - h % VL;
        int j = 0;
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (; j < hv; j += VL) {
            DoubleVector dhv = DoubleVector.fromArray(S, dout, idx + j).add(DoubleVector.fromArray(S, dh, sr + j));
            DoubleVector ig = DoubleVector.fromArray(S, z, zr + j);
            DoubleVector fg = DoubleVector.fromArray(S, z, zr + h + j);
            DoubleVector gg = DoubleVector.fromArray(S, z, zr + 2 * h + j);
            DoubleVector og = DoubleVector.fromArray(S, z, zr + 3 * h + j);
            DoubleVector tcv = DoubleVector.fromArray(S, tc, idx + j);
            DoubleVector dcv = DoubleVector.fromArray(S, dc, sr + j).add(dhv.mul(og).mul(one.sub(tcv.mul(tcv))));
            DoubleVector cpv = cp < 0 ? DoubleVector.zero(S) : DoubleVector.fromArray(S, c, cp + j);
            dcv.mul(gg).mul(ig).mul(one.sub(ig)).intoArray(dz, zr + j);
            dcv.mul(cpv).mul(fg).mul(one.sub(fg)).intoArray(dz, zr + h + j);
            dcv.mul(ig).mul(one.sub(gg.mul(gg))).intoArray(dz, zr + 2 * h + j);
            dhv.mul(tcv).mul(og).mul(one.sub(og)).intoArray(dz, zr + 3 * h + j);
            dcv.mul(fg).intoArray(dc, sr + j);
        }
        for (; j < h; j++) {
            double dhv = dout[idx + j] + dh[sr + j];
            double ig = z[zr + j];
            double fg = z[zr + h + j];
            double gg = z[zr + 2 * h + j];
            double og = z[zr + 3 * h + j];
            double tcv = tc[idx + j];
            double dcv = dc[sr + j] + dhv * og * (1 - tcv * tcv);
            double cpv = cp < 0 ? 0.0 : c[cp + j];
            dz[zr + j] = dcv * gg * ig * (1 - ig);
            dz[zr + h + j] = dcv * cpv * fg * (1 - fg);
            dz[zr + 2 * h + j] = dcv * ig * (1 - gg * gg);
            dz[zr + 3 * h + j] = dhv * tcv * og * (1 - og);
            dc[sr + j] = dcv * fg;
        }
    }

    /**
     * The GRU cell's pointwise forward step for one row, vectorised over the hidden units (same formulas as the
     * scalar loop in {@link Network}): {@code r, u = σ(a + q)}, {@code n = tanh(a_n + r⊙q_n)},
     * {@code h_t = (1-u)⊙n + u⊙h_{t-1}}.
     *
     * @param z   input pre-activations {@code a = [a_r a_u a_n]} at {@code zr}, overwritten by {@code [r u n]}.
     *            Modified.
     * @param zr  row offset in z
     * @param zh  recurrent pre-activations {@code q} at {@code qr}. Not modified.
     * @param qr  row offset in zh
     * @param hn  {@code q_n} saved for the backward pass at {@code idx}. Modified.
     * @param hs  hidden states: {@code h_{t-1}} read at {@code idx}, {@code h_t} written at {@code out}. Modified.
     * @param idx offset of this row's {@code h_{t-1}} (and of {@code hn})
     * @param out offset of this row's {@code h_t}
     * @param h   hidden units
     */
    static void gruPointwise(double[] z, int zr, double[] zh, int qr, double[] hn, double[] hs, int idx, int out,
                             int h) {
        int hv = h - h % VL;
        int j = 0;
        for (; j < hv; j += VL) {
            DoubleVector r = sigmoid(DoubleVector.fromArray(S, z, zr + j).add(DoubleVector.fromArray(S, zh, qr + j)));
            DoubleVector u = sigmoid(DoubleVector.fromArray(S, z, zr + h + j)
                    .add(DoubleVector.fromArray(S, zh, qr + h + j)));
            DoubleVector q = DoubleVector.fromArray(S, zh, qr + 2 * h + j);
            DoubleVector n = tanh(DoubleVector.fromArray(S, z, zr + 2 * h + j).add(r.mul(q)));
            DoubleVector hp = DoubleVector.fromArray(S, hs, idx + j);
            r.intoArray(z, zr + j);
            u.intoArray(z, zr + h + j);
            n.intoArray(z, zr + 2 * h + j);
            q.intoArray(hn, idx + j);
            DoubleVector.broadcast(S, 1.0).sub(u).mul(n).add(u.mul(hp)).intoArray(hs, out + j);
        }
        for (; j < h; j++) {
            double r = Network.sigmoid(z[zr + j] + zh[qr + j]);
            double u = Network.sigmoid(z[zr + h + j] + zh[qr + h + j]);
            double q = zh[qr + 2 * h + j];
            double n = Network.tanh(z[zr + 2 * h + j] + r * q);
            double hp = hs[idx + j];
            z[zr + j] = r;
            z[zr + h + j] = u;
            z[zr + 2 * h + j] = n;
            hn[idx + j] = q;
            hs[out + j] = (1 - u) * n + u * hp;
        }
    }

    private static DoubleVector sigmoid(DoubleVector x) {
        // σ(x) = 1 / (1 + e^{-x})
        return DoubleVector.broadcast(S, 1.0).div(x.neg().lanewise(VectorOperators.EXP).add(1.0));
    }

    private static DoubleVector tanh(DoubleVector x) {
        // tanh(x) = 1 - 2 / (e^{2x} + 1)
        DoubleVector e = x.add(x).lanewise(VectorOperators.EXP).add(1.0);
        return DoubleVector.broadcast(S, 1.0).sub(DoubleVector.broadcast(S, 2.0).div(e));
    }
}
