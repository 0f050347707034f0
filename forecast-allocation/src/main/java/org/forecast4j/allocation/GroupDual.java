package org.forecast4j.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Budget plus (possibly overlapping) group limits by dual coordinate ascent.
 *
 * <p>Each constraint c (the budget and every group, with limits {@code [L_c, U_c]} on the spend {@code S_c} of its
 * members) has a multiplier {@code y_c} (&gt; 0 when the upper limit binds, &lt; 0 when the lower one does). A cell's
 * price is {@code p_i = τ + Σ_(c∋i) y_c} and its spend the largest maximiser of {@code V_i(x) − p_i·x}. One
 * coordinate step sets {@code y_c} so that {@code S_c} meets its limits with complementary slackness (a monotone
 * 1-D root, found by Illinois regula falsi); this exactly minimises the dual function along that coordinate
 * (Bertsekas, <i>Nonlinear Programming</i>, 3rd ed., §6.2 — convergent for strictly concave separable objectives).
 * After every sweep the plan {@code x(p)} is repaired to feasibility (scaling spend above the lower bounds down in
 * over-full constraints and up in under-full ones) and certified against the dual value
 * {@code g(y) = Σ_c y_c·(y_c ≥ 0 ? U_c : L_c) + Σ_i max_x [V_i(x) − p_i·x]}, which bounds every feasible plan from
 * above. Iteration stops at relative gap {@link #TARGET_GAP} or after {@link #MAX_SWEEPS} sweeps.
 */
final class GroupDual {

    /** Relative gap at which the sweeps stop. */
    static final double TARGET_GAP = 1e-9;
    /** Sweep cap. */
    static final int MAX_SWEEPS = 3000;
    /** Relative tolerance on a constraint after repair. */
    static final double FEAS_TOL = 1e-10;
    private static final int ROOT_ITERATIONS = 200;
    private static final double ROOT_TOL = 1e-14;
    private static final int REPAIR_PASSES = 200;
    /** Sweeps without halving the gap after which coordinate ascent hands over to column generation. */
    static final int STALL_SWEEPS = 40;
    /** Column-generation rounds. */
    static final int MAX_COLUMNS = 300;

    private GroupDual() {
    }

    static Allocation solve(AllocationProblem problem, Cell[] cells, double cap) {
        if (problem.objective().kind() == Objective.Kind.MIN_SPEND) {
            throw new IllegalStateException("min-spend with group limits goes through MinSpendSearch");
        }
        Allocation cont = solveContinuous(problem, cells, cap);
        if (problem.unit() <= 0 || cont.status() == Allocation.Status.INFEASIBLE) {
            return cont;
        }
        return roundToUnits(problem, cells, cap, cont);
    }

    /**
     * Whole units with group limits: round the continuous optimum down to units, then buy units greedily (largest
     * increment first) while every constraint containing the cell stays within its upper limit, then top up groups
     * below their lower limits. The continuous dual bound also bounds every whole-unit plan, so the reported gap is
     * a proven bound (status {@code gap-bounded} when it exceeds {@link Allocator#OPTIMAL_GAP}).
     */
    private static Allocation roundToUnits(AllocationProblem problem, Cell[] cells, double cap, Allocation cont) {
        int n = cells.length;
        double u = problem.unit();
        double tau = problem.objective().spendPrice();
        List<GroupLimit> groups = problem.groups();
        int m = groups.size() + 1;
        int[][] mem = new int[m][];
        double[] upper = new double[m];
        double[] lower = new double[m];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        mem[0] = all;
        upper[0] = cap;
        for (int g = 0; g < groups.size(); g++) {
            mem[g + 1] = problem.membersUnsafe(g);
            upper[g + 1] = groups.get(g).maxSpend();
            lower[g + 1] = groups.get(g).minSpend();
        }
        // constraints of each cell
        int[] count = new int[n];
        for (int c = 0; c < m; c++) {
            for (int i : mem[c]) {
                count[i]++;
            }
        }
        int[][] of = new int[n][];
        for (int i = 0; i < n; i++) {
            of[i] = new int[count[i]];
            count[i] = 0;
        }
        for (int c = 0; c < m; c++) {
            for (int i : mem[c]) {
                of[i][count[i]++] = c;
            }
        }
        double[] xc = cont.spend();
        long[] k = new long[n];
        long[] kmax = new long[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double room = (cells[i].hi() - cells[i].lo()) / u;
            kmax[i] = Double.isFinite(room) ? (long) Math.floor(room * (1 + 1e-12)) : Long.MAX_VALUE;
            k[i] = Math.min(kmax[i], (long) Math.floor((xc[i] - cells[i].lo()) / u * (1 + 1e-12)));
            x[i] = cells[i].lo() + k[i] * u;
        }
        double[] load = new double[m];
        for (int c = 0; c < m; c++) {
            for (int i : mem[c]) {
                load[c] += x[i];
            }
        }
        int[] heap = new int[n];
        double[] key = new double[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (k[i] < kmax[i]) {
                key[i] = cells[i].expectedValue(x[i] + u) - cells[i].expectedValue(x[i]);
                heap[size++] = i;
            }
        }
        for (int h = size / 2 - 1; h >= 0; h--) {
            UnitGreedy.siftDown(heap, key, size, h);
        }
        while (size > 0) {
            int i = heap[0];
            if (key[i] <= tau * u) {
                break;
            }
            boolean fits = true;
            for (int c : of[i]) {
                if (load[c] + u > upper[c] * (1 + 1e-12)) {
                    fits = false;
                    break;
                }
            }
            if (fits) {
                k[i]++;
                x[i] += u;
                for (int c : of[i]) {
                    load[c] += u;
                }
            }
            if (fits && k[i] < kmax[i]) {
                key[i] = cells[i].expectedValue(x[i] + u) - cells[i].expectedValue(x[i]);
            } else {
                // a cell that does not fit now never fits later: loads only grow
                heap[0] = heap[--size];
            }
            UnitGreedy.siftDown(heap, key, size, 0);
        }
        // groups below their lower limit: add the best-paying units that fit
        for (int c = 1; c < m; c++) {
            while (load[c] < lower[c] * (1 - 1e-12)) {
                int best = -1;
                double bestGain = Double.NEGATIVE_INFINITY;
                for (int i : mem[c]) {
                    if (k[i] >= kmax[i]) {
                        continue;
                    }
                    boolean fits = true;
                    for (int d : of[i]) {
                        if (load[d] + u > upper[d] * (1 + 1e-12)) {
                            fits = false;
                            break;
                        }
                    }
                    double gain = cells[i].expectedValue(x[i] + u) - cells[i].expectedValue(x[i]);
                    if (fits && gain > bestGain) {
                        bestGain = gain;
                        best = i;
                    }
                }
                if (best < 0) {
                    return Allocation.infeasible(problem, String.format(Locale.ROOT,
                            "no whole-unit plan found that meets group[%d] minSpend %.10g (unit %s)", c - 1,
                            lower[c], u), "dual ascent + unit rounding");
                }
                k[best]++;
                x[best] += u;
                for (int d : of[best]) {
                    load[d] += u;
                }
            }
        }
        List<String> binding = new ArrayList<>();
        if (Double.isFinite(cap) && cap - load[0] < u) {
            binding.add("budget");
        }
        for (int c = 1; c < m; c++) {
            if (Double.isFinite(upper[c]) && upper[c] - load[c] < u) {
                binding.add("group[" + (c - 1) + "].max");
            } else if (lower[c] > 0 && load[c] - lower[c] < u) {
                binding.add("group[" + (c - 1) + "].min");
            }
        }
        double primal = 0;
        for (int i = 0; i < n; i++) {
            primal += cells[i].expectedValue(x[i]) - tau * x[i];
        }
        // the continuous dual bound bounds every whole-unit plan too
        return Allocation.certified(problem, x, tau, cont.dualBound() - primal, cont.budgetShadowPrice(), binding,
                "dual ascent + unit rounding", "continuous optimum rounded to units, greedy fill within the limits");
    }

    private static Allocation solveContinuous(AllocationProblem problem, Cell[] cells, double cap) {
        if (problem.objective().kind() == Objective.Kind.MIN_SPEND) {
            throw new IllegalStateException("min-spend with group limits goes through MinSpendSearch");
        }
        int n = cells.length;
        List<GroupLimit> groups = problem.groups();
        boolean hasBudget = Double.isFinite(cap);
        int m = groups.size() + (hasBudget ? 1 : 0);
        int[][] mem = new int[m][];
        double[] lower = new double[m];
        double[] upper = new double[m];
        String[] name = new String[m];
        int c0 = 0;
        if (hasBudget) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            mem[0] = all;
            lower[0] = 0;
            upper[0] = cap;
            name[0] = "budget";
            c0 = 1;
        }
        for (int g = 0; g < groups.size(); g++) {
            mem[c0 + g] = problem.membersUnsafe(g);
            lower[c0 + g] = groups.get(g).minSpend();
            upper[c0 + g] = groups.get(g).maxSpend();
            name[c0 + g] = "group[" + g + "]";
        }
        // simple infeasibility: a constraint whose members cannot meet it even alone
        for (int c = 0; c < m; c++) {
            double lo = 0;
            double hi = 0;
            for (int i : mem[c]) {
                lo += cells[i].lo();
                hi += cells[i].hi();
            }
            if (lo > upper[c] * (1 + 1e-12)) {
                return Allocation.infeasible(problem, String.format(Locale.ROOT,
                        "%s %s: minimum spends %.10g exceed its maxSpend %.10g", name[c],
                        c >= c0 ? groups.get(c - c0).where() : "", lo, upper[c]), "dual coordinate ascent");
            }
            if (hi < lower[c] * (1 - 1e-12)) {
                return Allocation.infeasible(problem, String.format(Locale.ROOT,
                        "%s %s: maximum spends %.10g are below its minSpend %.10g", name[c],
                        groups.get(c - c0).where(), hi, lower[c]), "dual coordinate ascent");
            }
        }
        double tau = problem.objective().spendPrice();
        double base = Math.max(tau, WaterFilling.MIN_PRICE);
        double[] y = new double[m];
        double[] p = new double[n];
        Arrays.fill(p, base);
        double[] x = new double[n];
        double[] xh = new double[n];
        double[] best = null;
        double bestPrimal = Double.NEGATIVE_INFINITY;
        double bestDual = Double.POSITIVE_INFINITY;
        double bestGap = Double.POSITIVE_INFINITY;
        double bestY0 = 0;
        int sweeps = 0;
        int lastImprovement = 0;
        Columns columns = new Columns(cells, mem, tau);
        String lpNote = "";
        if (SegmentLp.applies(cells)) {
            // small concave piecewise-linear instances: the exact LP over the segments, certified with the cells
            SegmentLp.Result lp = SegmentLp.solve(cells, mem, lower, upper, tau);
            if (lp != null) {
                double g = dualValue(cells, mem, lower, upper, lp.y, base);
                if (g < bestDual) {
                    bestDual = g;
                    bestY0 = hasBudget ? lp.y[0] : 0;
                }
                if (repair(cells, mem, lower, upper, lp.x)) {
                    double primal = 0;
                    for (int i = 0; i < n; i++) {
                        primal += cells[i].expectedValue(lp.x[i]) - tau * lp.x[i];
                    }
                    if (primal > bestPrimal) {
                        bestPrimal = primal;
                        best = lp.x;
                    }
                }
                bestGap = Math.max(bestDual - bestPrimal, 0) / Math.max(1, Math.abs(bestDual));
                lpNote = "segment LP + ";
            }
        }
        for (int s = 0; s < MAX_SWEEPS; s++) {
            sweeps = s + 1;
            for (int c = 0; c < m; c++) {
                double t = coordinate(cells, mem[c], p, y[c], lower[c], upper[c]);
                double d = t - y[c];
                if (d != 0) {
                    for (int i : mem[c]) {
                        p[i] += d;
                    }
                    y[c] = t;
                }
            }
            // certificate: dual value at y and the repaired primal
            double dual = 0;
            for (int c = 0; c < m; c++) {
                if (y[c] != 0) {
                    dual += y[c] * (y[c] > 0 ? upper[c] : lower[c]);
                }
            }
            for (int i = 0; i < n; i++) {
                xh[i] = cells[i].argmax(p[i]);
                dual += cells[i].expectedValue(xh[i]) - p[i] * xh[i];
                x[i] = xh[i];
            }
            columns.add(xh);
            if (dual < bestDual) {
                bestDual = dual;
                bestY0 = hasBudget ? y[0] : 0;
            }
            if (repair(cells, mem, lower, upper, x)) {
                double primal = 0;
                for (int i = 0; i < n; i++) {
                    primal += cells[i].expectedValue(x[i]) - tau * x[i];
                }
                if (primal > bestPrimal) {
                    bestPrimal = primal;
                    best = x.clone();
                    columns.add(best);
                }
            }
            double gap = Math.max(bestDual - bestPrimal, 0) / Math.max(1, Math.abs(bestDual));
            if (gap < bestGap * 0.5) {
                lastImprovement = s;
            }
            bestGap = Math.min(gap, bestGap);
            if (gap <= TARGET_GAP || s - lastImprovement > STALL_SWEEPS) {
                break;
            }
        }
        String method = lpNote + "dual coordinate ascent";
        if (best != null && bestGap > TARGET_GAP) {
            // non-strictly concave cells (linear, piecewise-linear) stall coordinate ascent: finish by
            // Dantzig–Wolfe column generation over the plans seen so far
            ColumnResult cg = columns.generate(lower, upper, base, bestDual, bestPrimal, best, y.length);
            if (cg != null) {
                method = lpNote + "dual coordinate ascent + column generation (" + cg.columns + " columns)";
                if (cg.dual < bestDual) {
                    bestDual = cg.dual;
                    bestY0 = hasBudget ? cg.y0 : 0;
                }
                if (cg.primal > bestPrimal && repair(cells, mem, lower, upper, cg.x)) {
                    double primal = 0;
                    for (int i = 0; i < n; i++) {
                        primal += cells[i].expectedValue(cg.x[i]) - tau * cg.x[i];
                    }
                    if (primal > bestPrimal) {
                        bestPrimal = primal;
                        best = cg.x;
                    }
                }
                bestGap = Math.max(bestDual - bestPrimal, 0) / Math.max(1, Math.abs(bestDual));
            }
        }
        if (best == null) {
            return Allocation.infeasible(problem, "no plan meets every group limit (the limits are inconsistent "
                    + "with each other or with the budget)", "dual coordinate ascent");
        }
        List<String> binding = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            double sc = 0;
            for (int i : mem[c]) {
                sc += best[i];
            }
            if (Double.isFinite(upper[c]) && sc >= upper[c] - Allocator.BIND_TOL * Math.max(1, upper[c])) {
                binding.add(c == 0 && hasBudget ? "budget" : name[c] + ".max");
            } else if (lower[c] > 0 && sc <= lower[c] + Allocator.BIND_TOL * Math.max(1, lower[c])) {
                binding.add(name[c] + ".min");
            }
        }
        Allocation.Status st = bestGap <= Allocator.OPTIMAL_GAP ? Allocation.Status.OPTIMAL
                : Allocation.Status.GAP_BOUNDED;
        String msg = String.format(Locale.ROOT, "%s: %d sweeps over %d constraints, relative gap %.3e", method,
                sweeps, m, bestGap);
        // bestDual = g(y) at multipliers whose budget component is bestY0 (≥ 0: the budget has only an upper limit),
        // so g(y) + bestY0·(B' − B) bounds the optimum at any other budget B' (used by MinSpendSearch)
        return new Allocation(problem, st, msg, best, bestDual, bestGap, Math.max(bestY0, 0), binding, method);
    }

    /**
     * Lagrangian dual value {@code g(y) = Σ_c y_c·(y_c ≥ 0 ? U_c : L_c) + Σ_i max_x [V_i(x) − p_i·x]},
     * {@code p_i = base + Σ_(c∋i) y_c}: an upper bound on every feasible plan's {@code Σ V − τ·Σ x}; {@code +∞} when
     * it is not finite (a non-positive price on a cell without a maximum spend).
     */
    static double dualValue(Cell[] cells, int[][] mem, double[] lower, double[] upper, double[] y, double base) {
        int n = cells.length;
        double[] p = new double[n];
        Arrays.fill(p, base);
        double g = 0;
        for (int c = 0; c < mem.length; c++) {
            if (y[c] != 0) {
                double lim = y[c] > 0 ? upper[c] : lower[c];
                if (!Double.isFinite(lim)) {
                    return Double.POSITIVE_INFINITY;
                }
                g += y[c] * lim;
                for (int i : mem[c]) {
                    p[i] += y[c];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (p[i] <= 0 && Double.isInfinite(cells[i].hi())) {
                return Double.POSITIVE_INFINITY;
            }
            double x = cells[i].argmax(p[i]);
            g += cells[i].expectedValue(x) - p[i] * x;
        }
        return g;
    }

    /** Σ_(i∈mem) x_i at prices p_i + t. */
    private static double spend(Cell[] cells, int[] mem, double[] p, double t) {
        double s = 0;
        for (int i : mem) {
            s += cells[i].argmax(p[i] + t);
        }
        return s;
    }

    /**
     * New multiplier of one constraint: prices without it are {@code p_i − y}; returns t with
     * {@code L ≤ S(t) ≤ U} and complementary slackness.
     */
    static double coordinate(Cell[] cells, int[] mem, double[] p, double y, double lower, double upper) {
        // work with offsets d = t − y so that prices are p_i + d
        double s0 = spend(cells, mem, p, -y);
        if (s0 >= lower && s0 <= upper) {
            return 0;
        }
        boolean over = s0 > upper;
        double target = over ? upper : lower;
        // S is non-increasing in t; bracket t_a < t_b with S(t_a) ≥ target ≥ S(t_b)
        double ta;
        double tb;
        double fa;
        double fb;
        if (over) {
            ta = 0;
            fa = s0 - target;
            double step = y > 0 ? y : Math.max(1e-9, 1e-3 * Math.abs(p[mem[0]]));
            tb = step;
            fb = spend(cells, mem, p, tb - y) - target;
            while (fb > 0) {
                ta = tb;
                fa = fb;
                tb *= 4;
                if (Double.isInfinite(tb)) {
                    return ta;
                }
                fb = spend(cells, mem, p, tb - y) - target;
            }
        } else {
            tb = 0;
            fb = s0 - target;
            double step = y < 0 ? -y : Math.max(1e-9, 1e-3 * Math.abs(p[mem[0]]));
            ta = -step;
            fa = spend(cells, mem, p, ta - y) - target;
            while (fa < 0) {
                tb = ta;
                fb = fa;
                ta *= 4;
                if (Double.isInfinite(ta)) {
                    return tb;
                }
                fa = spend(cells, mem, p, ta - y) - target;
            }
        }
        int side = 0;
        double ga = fa;
        double gb = fb;
        // keep tightening even when one end meets the limit exactly: the smallest optimal multiplier is reported
        for (int it = 0; it < ROOT_ITERATIONS && tb - ta > ROOT_TOL * Math.max(Math.abs(ta), Math.abs(tb)); it++) {
            double t;
            if (it % 8 == 7 || Double.isInfinite(ga)) {
                t = 0.5 * (ta + tb);
            } else {
                t = tb - gb * (tb - ta) / (gb - ga);
                if (!(t > ta && t < tb)) {
                    t = 0.5 * (ta + tb);
                }
            }
            double ft = spend(cells, mem, p, t - y) - target;
            if (ft > 0) {
                ta = t;
                fa = ft;
                ga = ft;
                if (side == -1) {
                    gb *= 0.5;
                }
                side = -1;
            } else {
                tb = t;
                fb = ft;
                gb = ft;
                if (side == 1) {
                    ga *= 0.5;
                }
                side = 1;
            }
        }
        // upper limit: the side where S ≤ U; lower limit: the side where S ≥ L
        if (fa == 0) {
            return ta;
        }
        return over ? tb : ta;
    }

    /** Scales spend towards the bounds until every constraint holds; false when it cannot. */
    static boolean repair(Cell[] cells, int[][] mem, double[] lower, double[] upper, double[] x) {
        int m = mem.length;
        for (int pass = 0; pass < REPAIR_PASSES; pass++) {
            boolean changed = false;
            for (int c = 0; c < m; c++) {
                double s = 0;
                double lo = 0;
                double hi = 0;
                for (int i : mem[c]) {
                    s += x[i];
                    lo += cells[i].lo();
                    hi += cells[i].hi();
                }
                if (s > upper[c] + FEAS_TOL * 1e-3 * Math.max(1, upper[c])) {
                    // x_i = lo_i + (x_i − lo_i)·(U − Σlo)/(S − Σlo), slightly inside to absorb rounding
                    double f = (upper[c] * (1 - 1e-15) - lo) / (s - lo);
                    for (int i : mem[c]) {
                        x[i] = cells[i].lo() + (x[i] - cells[i].lo()) * Math.max(f, 0);
                    }
                    changed = true;
                } else if (s < lower[c] - FEAS_TOL * 1e-3 * Math.max(1, lower[c])) {
                    double need = lower[c] * (1 + 1e-15) - s;
                    if (Double.isFinite(hi)) {
                        double f = Math.min(need / (hi - s), 1);
                        for (int i : mem[c]) {
                            x[i] += (cells[i].hi() - x[i]) * f;
                        }
                    } else {
                        int k = 0;
                        for (int i : mem[c]) {
                            if (Double.isInfinite(cells[i].hi())) {
                                k++;
                            }
                        }
                        for (int i : mem[c]) {
                            if (Double.isInfinite(cells[i].hi())) {
                                x[i] += need / k;
                            }
                        }
                    }
                    changed = true;
                }
            }
            if (!changed) {
                return true;
            }
        }
        // final check with the reporting tolerance
        for (int c = 0; c < m; c++) {
            double s = 0;
            for (int i : mem[c]) {
                s += x[i];
            }
            if (s > upper[c] + FEAS_TOL * Math.max(1, upper[c]) || s < lower[c] - FEAS_TOL * Math.max(1, lower[c])) {
                return false;
            }
        }
        return true;
    }

    /** Result of column generation. */
    static final class ColumnResult {
        double[] x;
        double primal;
        double dual;
        double y0;
        int columns;
    }

    /**
     * Dantzig–Wolfe master over stored plans (columns) {@code x^k}: maximise {@code Σ μ_k v_k} subject to
     * {@code Σ μ_k = 1}, {@code L_c ≤ Σ μ_k S_c^k ≤ U_c}, {@code μ ≥ 0}; its LP dual (Kelley's cutting-plane model of
     * the dual function) gives multipliers y, whose pricing plan {@code x(p(y))} is the next column and whose dual
     * value {@code g(y)} is a valid bound. The primal {@code Σ μ_k x^k} is feasible and, by concavity, worth at least
     * the master's value. Both LPs are solved by Commons Math's {@code SimplexSolver} (m + 1 rows).
     */
    static final class Columns {
        private final Cell[] cells;
        private final int[][] mem;
        private final double tau;
        private final List<double[]> xs = new ArrayList<>();
        private final List<double[]> usage = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();
        private static final int KEEP = 400;

        Columns(Cell[] cells, int[][] mem, double tau) {
            this.cells = cells;
            this.mem = mem;
            this.tau = tau;
        }

        void add(double[] x) {
            double[] use = new double[mem.length];
            for (int c = 0; c < mem.length; c++) {
                double sc = 0;
                for (int i : mem[c]) {
                    sc += x[i];
                }
                use[c] = sc;
            }
            double v = 0;
            for (int i = 0; i < cells.length; i++) {
                v += cells[i].expectedValue(x[i]) - tau * x[i];
            }
            if (xs.size() >= KEEP) {
                // keep the first (feasible) columns' information bounded: drop the oldest pricing column
                xs.remove(1);
                usage.remove(1);
                values.remove(1);
            }
            xs.add(x.clone());
            usage.add(use);
            values.add(v);
        }

        ColumnResult generate(double[] lower, double[] upper, double base, double bestDual, double bestPrimal,
                              double[] feasible, int m) {
            ColumnResult out = null;
            // make sure a feasible column is present so that the master is feasible
            add(feasible);
            double dualBest = bestDual;
            double y0Best = Double.NaN;
            int n = cells.length;
            double[] p = new double[n];
            double[] xn = new double[n];
            for (int round = 0; round < MAX_COLUMNS; round++) {
                double[] mu = masterPrimal(lower, upper);
                double[] y = masterDual(lower, upper);
                if (mu == null || y == null) {
                    return out;
                }
                if (!valid(mu, lower, upper)) {
                    // the LP solver returned a point outside the master's feasible set: keep the last good round
                    return out;
                }
                double masterValue = 0;
                double[] x = new double[n];
                for (int k = 0; k < mu.length; k++) {
                    if (mu[k] > 0) {
                        masterValue += mu[k] * values.get(k);
                        double[] col = xs.get(k);
                        for (int i = 0; i < n; i++) {
                            x[i] += mu[k] * col[i];
                        }
                    }
                }
                // price the next column at p = τ + Σ y_c
                Arrays.fill(p, base);
                double g = 0;
                for (int c = 0; c < m; c++) {
                    if (y[c] != 0) {
                        g += y[c] * (y[c] > 0 ? upper[c] : lower[c]);
                        for (int i : mem[c]) {
                            p[i] += y[c];
                        }
                    }
                }
                for (int i = 0; i < n; i++) {
                    xn[i] = cells[i].argmax(p[i]);
                    g += cells[i].expectedValue(xn[i]) - p[i] * xn[i];
                }
                if (g < dualBest) {
                    // keep the bound and the budget multiplier that produced it together
                    dualBest = g;
                    y0Best = y[0];
                }
                out = new ColumnResult();
                out.x = x;
                out.primal = masterValue;
                out.dual = dualBest;
                out.y0 = y0Best;
                out.columns = xs.size();
                if (dualBest - masterValue <= TARGET_GAP * Math.max(1, Math.abs(dualBest))) {
                    return out;
                }
                add(xn);
            }
            return out;
        }

        /** Whether μ is a convex combination whose aggregate usage meets every limit (LP tolerance 1e-7). */
        private boolean valid(double[] mu, double[] lower, double[] upper) {
            double sum = 0;
            double[] agg = new double[mem.length];
            for (int k = 0; k < mu.length; k++) {
                if (mu[k] < -1e-9) {
                    return false;
                }
                sum += mu[k];
                for (int c = 0; c < mem.length; c++) {
                    agg[c] += mu[k] * usage.get(k)[c];
                }
            }
            if (Math.abs(sum - 1) > 1e-9) {
                return false;
            }
            for (int c = 0; c < mem.length; c++) {
                double tol = 1e-7 * rowScale(lower[c], upper[c]);
                if (agg[c] > upper[c] + tol || agg[c] < lower[c] - tol) {
                    return false;
                }
            }
            return true;
        }

        /** Row scale of constraint c: its finite limit (rows are divided by it so the LP is well scaled). */
        private static double rowScale(double lower, double upper) {
            return Math.max(1, Double.isFinite(upper) ? upper : lower);
        }

        private double valueScale() {
            double v = 1;
            for (double d : values) {
                v = Math.max(v, Math.abs(d));
            }
            return v;
        }

        private double[] masterPrimal(double[] lower, double[] upper) {
            int k = xs.size();
            int m = mem.length;
            double vs = valueScale();
            double[] obj = new double[k];
            for (int j = 0; j < k; j++) {
                obj[j] = values.get(j) / vs;
            }
            List<LinearConstraint> cons = new ArrayList<>();
            double[] ones = new double[k];
            Arrays.fill(ones, 1);
            cons.add(new LinearConstraint(ones,
                    Relationship.EQ, 1));
            for (int c = 0; c < m; c++) {
                double rs = rowScale(lower[c], upper[c]);
                double[] row = new double[k];
                for (int j = 0; j < k; j++) {
                    row[j] = usage.get(j)[c] / rs;
                }
                if (Double.isFinite(upper[c])) {
                    cons.add(new LinearConstraint(row,
                            Relationship.LEQ, upper[c] / rs));
                }
                if (lower[c] > 0) {
                    cons.add(new LinearConstraint(row,
                            Relationship.GEQ, lower[c] / rs));
                }
            }
            try {
                return new SimplexSolver().optimize(
                        new MaxIter(100_000),
                        new LinearObjectiveFunction(obj, 0),
                        new LinearConstraintSet(cons),
                        GoalType.MAXIMIZE,
                        new NonNegativeConstraint(true),
                        PivotSelectionRule.BLAND).getPoint();
            } catch (MathIllegalStateException e) {
                return null;
            }
        }

        /** min θ + Σ U_c a_c − Σ L_c b_c s.t. θ + Σ_c (a_c − b_c) S_c^k ≥ v_k; returns y = a − b. */
        private double[] masterDual(double[] lower, double[] upper) {
            int k = xs.size();
            int m = mem.length;
            // variables: θ+ θ− a_0..a_(m−1) b_0..b_(m−1)
            int nv = 2 + 2 * m;
            double vs = valueScale();
            double[] rs = new double[m];
            double[] obj = new double[nv];
            obj[0] = 1;
            obj[1] = -1;
            for (int c = 0; c < m; c++) {
                rs[c] = rowScale(lower[c], upper[c]);
                obj[2 + c] = Double.isFinite(upper[c]) ? upper[c] / rs[c] : 0;
                obj[2 + m + c] = -lower[c] / rs[c];
            }
            List<LinearConstraint> cons = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                double[] row = new double[nv];
                row[0] = 1;
                row[1] = -1;
                for (int c = 0; c < m; c++) {
                    row[2 + c] = usage.get(j)[c] / rs[c];
                    row[2 + m + c] = -usage.get(j)[c] / rs[c];
                }
                cons.add(new LinearConstraint(row,
                        Relationship.GEQ, values.get(j) / vs));
            }
            for (int c = 0; c < m; c++) {
                // a_c only for finite upper limits, b_c only for positive lower limits
                if (!Double.isFinite(upper[c])) {
                    double[] row = new double[nv];
                    row[2 + c] = 1;
                    cons.add(new LinearConstraint(row,
                            Relationship.EQ, 0));
                }
                if (!(lower[c] > 0)) {
                    double[] row = new double[nv];
                    row[2 + m + c] = 1;
                    cons.add(new LinearConstraint(row,
                            Relationship.EQ, 0));
                }
            }
            try {
                double[] z = new SimplexSolver().optimize(
                        new MaxIter(100_000),
                        new LinearObjectiveFunction(obj, 0),
                        new LinearConstraintSet(cons),
                        GoalType.MINIMIZE,
                        new NonNegativeConstraint(true),
                        PivotSelectionRule.BLAND).getPoint();
                double[] y = new double[m];
                for (int c = 0; c < m; c++) {
                    // undo the scaling: y_c = (a_c − b_c)·vs / rs_c
                    y[c] = (z[2 + c] - z[2 + m + c]) * vs / rs[c];
                }
                return y;
            } catch (MathIllegalStateException e) {
                return null;
            }
        }
    }
}
