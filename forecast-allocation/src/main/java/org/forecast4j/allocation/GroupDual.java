package org.forecast4j.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    private GroupDual() {
    }

    static Allocation solve(AllocationProblem problem, Cell[] cells, double cap) {
        if (problem.unit() > 0) {
            throw new IllegalArgumentException("whole-unit spend (unit > 0) with group limits is not supported; "
                    + "use unit 0");
        }
        if (problem.objective().kind() == Objective.Kind.MIN_SPEND) {
            throw new IllegalArgumentException("the min-spend objective with group limits is not supported");
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
        java.util.Arrays.fill(p, base);
        double[] x = new double[n];
        double[] xh = new double[n];
        double[] best = null;
        double bestGap = Double.POSITIVE_INFINITY;
        double bestDual = Double.NaN;
        double bestY0 = 0;
        int sweeps = 0;
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
            if (!repair(cells, mem, lower, upper, x)) {
                continue;
            }
            double primal = 0;
            for (int i = 0; i < n; i++) {
                primal += cells[i].expectedValue(x[i]) - tau * x[i];
            }
            double gap = Math.max(dual - primal, 0) / Math.max(1, Math.abs(dual));
            if (gap < bestGap) {
                bestGap = gap;
                best = x.clone();
                bestDual = dual;
                bestY0 = hasBudget ? y[0] : 0;
            }
            if (gap <= TARGET_GAP) {
                break;
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
        Allocator.cellBindings(cells, best, binding);
        Allocation.Status st = bestGap <= Allocator.OPTIMAL_GAP ? Allocation.Status.OPTIMAL
                : Allocation.Status.GAP_BOUNDED;
        String msg = String.format(Locale.ROOT, "dual coordinate ascent: %d sweeps over %d constraints, relative gap "
                + "%.3e", sweeps, m, bestGap);
        return new Allocation(problem, st, msg, best, bestDual, bestGap, Math.max(bestY0, 0), binding,
                "dual coordinate ascent");
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
        for (int it = 0; it < ROOT_ITERATIONS && tb - ta > ROOT_TOL * Math.max(Math.abs(ta), Math.abs(tb))
                && fb != 0 && fa != 0; it++) {
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
}
