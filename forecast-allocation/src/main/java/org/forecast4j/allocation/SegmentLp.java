package org.forecast4j.allocation;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Group limits on concave piecewise-linear cells, small instances: the problem as one LP over the segments of each
 * cell's value function, solved with Commons Math's {@link SimplexSolver}, and its dual LP for the multipliers.
 *
 * <p>For a concave piecewise-linear curve, {@code V_i} is concave and piecewise linear on its bounds (its breakpoints
 * are the curve's points and the spends where a baseline atom reaches capacity: {@link Cell#hullVertices()}), so with
 * one variable {@code 0 ≤ t_ij ≤ len_ij} per segment of slope {@code s_ij}, {@code x_i = lo_i + Σ_j t_ij} and
 * <div style="white-space: pre">  max Σ_ij (s_ij − τ)·t_ij   s.t.   L_c − Σ_(i∈c) lo_i ≤ Σ_(i∈c) Σ_j t_ij ≤ U_c − Σ_(i∈c) lo_i</div>
 * is exact (concavity fills the segments in order). Neither LP solution is trusted as such: the primal plan is
 * repaired to feasibility and valued with the cells, and the dual LP's multipliers {@code y_c} are turned into the
 * Lagrangian bound {@code g(y)} (evaluated exactly with the cells), so the certificate is valid whatever the LP
 * solver's accuracy.
 */
final class SegmentLp {

    /** Largest number of segment variables (Commons Math's simplex keeps a dense tableau). */
    static final int MAX_SEGMENTS = 600;

    /** Result: a plan (not yet repaired) and the dual LP's multipliers. */
    static final class Result {
        double[] x;
        double[] y;
    }

    private SegmentLp() {
    }

    /** Whether every cell is concave and piecewise linear and the LP is small enough. */
    static boolean applies(Cell[] cells) {
        int segs = 0;
        for (Cell c : cells) {
            if (!c.isConcave() || c.hullVertices() == null) {
                return false;
            }
            segs += c.hullVertices().length;
            if (segs > MAX_SEGMENTS) {
                return false;
            }
        }
        return true;
    }

    static Result solve(Cell[] cells, int[][] mem, double[] lower, double[] upper, double tau) {
        int n = cells.length;
        int m = mem.length;
        // segments: owner cell, length (∞ for the flat tail of an unbounded cell), slope − τ
        List<double[]> seg = new ArrayList<>();
        int[] first = new int[n + 1];
        for (int i = 0; i < n; i++) {
            first[i] = seg.size();
            double[] hx = cells[i].hullVertices();
            double[] hs = cells[i].hullSlopes();
            for (int t = 1; t < hx.length; t++) {
                seg.add(new double[] {i, hx[t] - hx[t - 1], hs[t] - tau});
            }
            double end = hx[hx.length - 1];
            if (cells[i].hi() > end) {
                // beyond the last vertex V is flat
                seg.add(new double[] {i, cells[i].hi() - end, -tau});
            }
        }
        first[n] = seg.size();
        int v = seg.size();
        int[][] of = new int[n][];
        int[] cnt = new int[n];
        for (int[] mc : mem) {
            for (int i : mc) {
                cnt[i]++;
            }
        }
        for (int i = 0; i < n; i++) {
            of[i] = new int[cnt[i]];
            cnt[i] = 0;
        }
        for (int c = 0; c < m; c++) {
            for (int i : mem[c]) {
                of[i][cnt[i]++] = c;
            }
        }
        double[] ub = new double[m];
        double[] lb = new double[m];
        for (int c = 0; c < m; c++) {
            double base = 0;
            for (int i : mem[c]) {
                base += cells[i].lo();
            }
            ub[c] = upper[c] - base;
            lb[c] = lower[c] - base;
        }
        double[] t = primal(seg, v, mem, first, ub, lb);
        double[] y = dual(seg, v, of, ub, lb);
        if (t == null || y == null) {
            return null;
        }
        Result r = new Result();
        r.x = new double[n];
        for (int i = 0; i < n; i++) {
            double x = cells[i].lo();
            for (int j = first[i]; j < first[i + 1]; j++) {
                x += Math.max(0, Math.min(t[j], seg.get(j)[1]));
            }
            r.x[i] = Math.min(x, cells[i].hi());
        }
        r.y = y;
        return r;
    }

    private static double[] primal(List<double[]> seg, int v, int[][] mem, int[] first, double[] ub, double[] lb) {
        double[] obj = new double[v];
        List<LinearConstraint> cons = new ArrayList<>();
        for (int j = 0; j < v; j++) {
            obj[j] = seg.get(j)[2];
            if (Double.isFinite(seg.get(j)[1])) {
                double[] row = new double[v];
                row[j] = 1;
                cons.add(new LinearConstraint(row, Relationship.LEQ, seg.get(j)[1]));
            }
        }
        for (int c = 0; c < mem.length; c++) {
            double[] row = new double[v];
            for (int i : mem[c]) {
                for (int j = first[i]; j < first[i + 1]; j++) {
                    row[j] = 1;
                }
            }
            if (Double.isFinite(ub[c])) {
                cons.add(new LinearConstraint(row, Relationship.LEQ, ub[c]));
            }
            if (lb[c] > 0) {
                cons.add(new LinearConstraint(row, Relationship.GEQ, lb[c]));
            }
        }
        try {
            return new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000),
                    new LinearObjectiveFunction(obj, 0), new LinearConstraintSet(cons), GoalType.MAXIMIZE,
                    new NonNegativeConstraint(true)).getPoint();
        } catch (MathIllegalStateException e) {
            return null;
        }
    }

    /**
     * Dual LP: {@code min Σ len_j·w_j + Σ_c (ub_c·a_c − lb_c·b_c)} s.t. {@code w_j + Σ_(c∋i(j)) (a_c − b_c) ≥ s_j − τ},
     * {@code w, a, b ≥ 0} ({@code a_c} only for finite upper limits, {@code b_c} only for positive lower ones).
     * Returns {@code y = a − b}.
     */
    private static double[] dual(List<double[]> seg, int v, int[][] of, double[] ub, double[] lb) {
        int m = ub.length;
        // variables: w_0..w_(v−1), a_0..a_(m−1), b_0..b_(m−1)
        int nv = v + 2 * m;
        double[] obj = new double[nv];
        for (int j = 0; j < v; j++) {
            obj[j] = Double.isFinite(seg.get(j)[1]) ? seg.get(j)[1] : 0;
        }
        for (int c = 0; c < m; c++) {
            obj[v + c] = Double.isFinite(ub[c]) ? ub[c] : 0;
            obj[v + m + c] = lb[c] > 0 ? -lb[c] : 0;
        }
        List<LinearConstraint> cons = new ArrayList<>();
        for (int j = 0; j < v; j++) {
            double[] row = new double[nv];
            if (Double.isFinite(seg.get(j)[1])) {
                row[j] = 1;
            }
            for (int c : of[(int) seg.get(j)[0]]) {
                row[v + c] = 1;
                row[v + m + c] = -1;
            }
            cons.add(new LinearConstraint(row, Relationship.GEQ, seg.get(j)[2]));
        }
        for (int j = 0; j < v; j++) {
            if (!Double.isFinite(seg.get(j)[1])) {
                double[] row = new double[nv];
                row[j] = 1;
                cons.add(new LinearConstraint(row, Relationship.EQ, 0));
            }
        }
        for (int c = 0; c < m; c++) {
            if (!Double.isFinite(ub[c])) {
                double[] row = new double[nv];
                row[v + c] = 1;
                cons.add(new LinearConstraint(row, Relationship.EQ, 0));
            }
            if (!(lb[c] > 0)) {
                double[] row = new double[nv];
                row[v + m + c] = 1;
                cons.add(new LinearConstraint(row, Relationship.EQ, 0));
            }
        }
        try {
            double[] z = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000),
                    new LinearObjectiveFunction(obj, 0), new LinearConstraintSet(cons), GoalType.MINIMIZE,
                    new NonNegativeConstraint(true)).getPoint();
            double[] y = new double[m];
            for (int c = 0; c < m; c++) {
                y[c] = z[v + c] - z[v + m + c];
            }
            return y;
        } catch (MathIllegalStateException e) {
            return null;
        }
    }
}
