package org.forecast4j.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Exact whole-unit allocation with group limits by dynamic programming over the constraint loads, for small
 * instances (any curves, concave or S-shaped).
 *
 * <p>With {@code x_i = lo_i + k_i·u}, every constraint c (the budget and each group, with limits
 * {@code [L_c, U_c]} on the spend of its members) becomes a limit on its unit load {@code K_c = Σ_(i∈c) k_i}:
 * {@code ⌈(L_c − Σ_(i∈c) lo_i)/u⌉ ≤ K_c ≤ ⌊(U_c − Σ_(i∈c) lo_i)/u⌋}. The state after deciding cells
 * {@code 1..i} is the vector of loads (a load whose constraint has only a lower limit is saturated at that limit,
 * since only "reached or not" matters later), and
 * <div style="white-space: pre">  best_i(K) = max_(k ≤ kmax_i, K − k·e_i ∈ states) best_(i−1)(K − k·e_i) + V_i(lo_i + k·u) − τ·(lo_i + k·u)</div>
 * where {@code e_i} has a 1 for every constraint containing cell i. The answer is the best final state meeting
 * every lower limit; it is optimal by the principle of optimality (the objective is separable and the constraints
 * depend on the decided cells only through the loads). The status is {@code optimal} with gap 0.
 *
 * <p>The table has {@code Π_c (range_c + 1)} states; the solver applies when that is at most {@link #STATE_LIMIT},
 * cells × states at most {@link #TABLE_LIMIT} (back-pointers) and the work {@code Σ_i states·(kmax_i + 1)} at most
 * {@link Allocator#DP_LIMIT}; otherwise the caller falls back to rounding with a certified gap.
 */
final class GroupUnitsDp {

    /** Largest number of load states. */
    static final long STATE_LIMIT = 2_000_000L;
    /** Largest cells × states (the back-pointer table, 4 bytes each). */
    static final long TABLE_LIMIT = 8_000_000L;
    /** Slack when converting money limits to whole units (limits are given in money, loads in units). */
    private static final double UNIT_SLACK = 1e-9;

    private GroupUnitsDp() {
    }

    /**
     * Solves the whole-unit problem exactly, or returns {@code null} when the instance is too large or some cell's
     * units are unbounded.
     */
    static Allocation solve(AllocationProblem problem, Cell[] cells, double cap) {
        int n = cells.length;
        double u = problem.unit();
        double tau = problem.objective().spendPrice();
        List<GroupLimit> groups = problem.groups();
        int m = groups.size() + 1;
        int[][] mem = new int[m][];
        double[] upper = new double[m];
        double[] lower = new double[m];
        String[] name = new String[m];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        mem[0] = all;
        upper[0] = cap;
        name[0] = "budget";
        for (int g = 0; g < groups.size(); g++) {
            mem[g + 1] = problem.membersUnsafe(g);
            upper[g + 1] = groups.get(g).maxSpend();
            lower[g + 1] = groups.get(g).minSpend();
            name[g + 1] = "group[" + g + "]";
        }
        // unit limits of every constraint
        long[] capUnits = new long[m];
        long[] lowUnits = new long[m];
        for (int c = 0; c < m; c++) {
            double base = 0;
            for (int i : mem[c]) {
                base += cells[i].lo();
            }
            if (Double.isFinite(upper[c])) {
                double room = (upper[c] - base) / u;
                if (room < -UNIT_SLACK * Math.max(1, Math.abs(upper[c]) / u)) {
                    return Allocation.infeasible(problem, String.format(Locale.ROOT,
                            "%s: minimum spends %.10g exceed its maxSpend %.10g", name[c], base, upper[c]),
                            "dynamic programming");
                }
                capUnits[c] = (long) Math.floor(room + UNIT_SLACK * Math.max(1, Math.abs(room)));
                capUnits[c] = Math.max(capUnits[c], 0);
            } else {
                capUnits[c] = -1;
            }
            double need = (lower[c] - base) / u;
            lowUnits[c] = need <= 0 ? 0 : (long) Math.ceil(need - UNIT_SLACK * Math.max(1, need));
        }
        // units per cell, bounded by the cell's range and every capped constraint containing it
        long[] kmax = new long[n];
        for (int i = 0; i < n; i++) {
            double room = (cells[i].hi() - cells[i].lo()) / u;
            kmax[i] = Double.isFinite(room) ? (long) Math.floor(room * (1 + 1e-12)) : Long.MAX_VALUE;
        }
        for (int c = 0; c < m; c++) {
            if (capUnits[c] >= 0) {
                for (int i : mem[c]) {
                    kmax[i] = Math.min(kmax[i], capUnits[c]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (kmax[i] == Long.MAX_VALUE) {
                return null;
            }
        }
        // state dimensions: capped constraints (range ≤ min(cap, Σ kmax)) and lower-only ones (saturating)
        int[] dimOf = new int[m];
        long[] radix = new long[m];
        boolean[] saturating = new boolean[m];
        int dims = 0;
        long states = 1;
        for (int c = 0; c < m; c++) {
            long reach = 0;
            for (int i : mem[c]) {
                reach = Math.min(reach + kmax[i], Long.MAX_VALUE / 4);
            }
            if (capUnits[c] >= 0 && capUnits[c] < reach) {
                radix[c] = capUnits[c] + 1;
            } else if (lowUnits[c] > 0) {
                if (lowUnits[c] > reach) {
                    return Allocation.infeasible(problem, String.format(Locale.ROOT,
                            "%s: maximum spends are below its minSpend %.10g (unit %s)", name[c], lower[c], u),
                            "dynamic programming");
                }
                radix[c] = lowUnits[c] + 1;
                saturating[c] = true;
            } else {
                // the limit can never bind: no dimension
                dimOf[c] = -1;
                continue;
            }
            dimOf[c] = dims++;
            states *= radix[c];
            if (states > STATE_LIMIT) {
                return null;
            }
        }
        if (states * n > TABLE_LIMIT) {
            return null;
        }
        long work = 0;
        for (int i = 0; i < n; i++) {
            work += states * (kmax[i] + 1);
            if (work > Allocator.DP_LIMIT) {
                return null;
            }
        }
        // strides of the mixed-radix state index and each cell's dimensions
        int[] dc = new int[dims];
        long[] dr = new long[dims];
        boolean[] ds = new boolean[dims];
        long[] dlow = new long[dims];
        int[] stride = new int[dims];
        int st = 1;
        for (int c = 0; c < m; c++) {
            if (dimOf[c] >= 0) {
                int d = dimOf[c];
                dc[d] = c;
                dr[d] = radix[c];
                ds[d] = saturating[c];
                dlow[d] = lowUnits[c];
                stride[d] = st;
                st *= (int) radix[c];
            }
        }
        int[] count = new int[n];
        for (int d = 0; d < dims; d++) {
            for (int i : mem[dc[d]]) {
                count[i]++;
            }
        }
        int[][] cellDims = new int[n][];
        for (int i = 0; i < n; i++) {
            cellDims[i] = new int[count[i]];
            count[i] = 0;
        }
        for (int d = 0; d < dims; d++) {
            for (int i : mem[dc[d]]) {
                cellDims[i][count[i]++] = d;
            }
        }
        int p = (int) states;
        double[] best = new double[p];
        double[] next = new double[p];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        int[][] prev = new int[n][];
        int[] coord = new int[dims];
        double[] f = new double[1];
        for (int i = 0; i < n; i++) {
            int km = (int) kmax[i];
            if (f.length < km + 1) {
                f = new double[km + 1];
            }
            double lo = cells[i].lo();
            for (int k = 0; k <= km; k++) {
                double xs = lo + k * u;
                f[k] = cells[i].expectedValue(xs) - tau * xs;
            }
            int[] cd = cellDims[i];
            int[] back = new int[p];
            prev[i] = back;
            Arrays.fill(next, Double.NEGATIVE_INFINITY);
            for (int s = 0; s < p; s++) {
                double b = best[s];
                if (b == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                for (int q : cd) {
                    coord[q] = (int) ((s / stride[q]) % dr[q]);
                }
                for (int k = 0; k <= km; k++) {
                    // K' = K + k·e_i, saturated on lower-only dimensions; stop once a capped one overflows
                    int t = s;
                    boolean fits = true;
                    for (int q : cd) {
                        long nc = coord[q] + (long) k;
                        if (ds[q]) {
                            nc = Math.min(nc, dr[q] - 1);
                        } else if (nc >= dr[q]) {
                            fits = false;
                            break;
                        }
                        t += (int) (nc - coord[q]) * stride[q];
                    }
                    if (!fits) {
                        break;
                    }
                    double v = b + f[k];
                    if (v > next[t]) {
                        next[t] = v;
                        back[t] = s;
                    }
                }
            }
            double[] tmp = best;
            best = next;
            next = tmp;
        }
        // best final state meeting every lower limit
        int arg = -1;
        for (int s = 0; s < p; s++) {
            if (best[s] == Double.NEGATIVE_INFINITY || (arg >= 0 && best[s] <= best[arg])) {
                continue;
            }
            boolean ok = true;
            for (int d = 0; d < dims && ok; d++) {
                ok = (s / stride[d]) % dr[d] >= dlow[d];
            }
            if (ok) {
                arg = s;
            }
        }
        if (arg < 0) {
            return Allocation.infeasible(problem, "no whole-unit plan meets every group limit (unit " + u + ")",
                    "dynamic programming");
        }
        // shadow price of the budget: value of its last unit, (best with ≤ U units − best with ≤ U − 1 units)/u
        double shadow = 0;
        if (dimOf[0] >= 0 && !saturating[0]) {
            int d0 = dimOf[0];
            double below = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < p; s++) {
                if (best[s] <= below || (s / stride[d0]) % dr[d0] >= dr[d0] - 1) {
                    continue;
                }
                boolean ok = true;
                for (int d = 0; d < dims && ok; d++) {
                    ok = (s / stride[d]) % dr[d] >= dlow[d];
                }
                if (ok) {
                    below = best[s];
                }
            }
            shadow = below == Double.NEGATIVE_INFINITY ? Double.NaN : Math.max(0, (best[arg] - below) / u);
        }
        // back-track through the stored predecessor states
        double[] x = new double[n];
        long[] k = new long[n];
        int s = arg;
        for (int i = n - 1; i >= 0; i--) {
            int ps = prev[i][s];
            k[i] = unitsBetween(cellDims[i], ds, stride, dr, ps, s, i, cells, kmax, u, tau);
            s = ps;
        }
        for (int i = 0; i < n; i++) {
            x[i] = cells[i].lo() + k[i] * u;
        }
        double[] load = new double[m];
        for (int c = 0; c < m; c++) {
            for (int i : mem[c]) {
                load[c] += x[i];
            }
        }
        List<String> binding = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            if (Double.isFinite(upper[c]) && upper[c] - load[c] < u * (1 - 1e-9)) {
                binding.add(c == 0 ? "budget" : name[c] + ".max");
            } else if (c > 0 && lower[c] > 0 && load[c] - lower[c] < u * (1 - 1e-9)) {
                binding.add(name[c] + ".min");
            }
        }
        return Allocation.certified(problem, x, tau, 0, shadow, binding, "dynamic programming",
                String.format(Locale.ROOT, "dynamic programming over units and %d constraint loads (%d states): exact",
                        dims, p));
    }

    /**
     * Units given to cell i between states {@code from} and {@code to}: the change of a non-saturated dimension of
     * the cell. When every dimension of the cell is saturated (lower-only constraints), the change is ambiguous only
     * once a limit is met; then any k reaching the same state is equally feasible, and the DP stored the best one,
     * which is recomputed here as the best k producing the same target state.
     */
    private static long unitsBetween(int[] cd, boolean[] ds, int[] stride, long[] dr, int from, int to, int i,
                                     Cell[] cells, long[] kmax, double u, double tau) {
        for (int q : cd) {
            if (!ds[q]) {
                return (to / stride[q]) % dr[q] - (from / stride[q]) % dr[q];
            }
        }
        // all dimensions saturating: the best k whose saturated loads match
        long bestK = 0;
        double bestV = Double.NEGATIVE_INFINITY;
        double lo = cells[i].lo();
        for (long k = 0; k <= kmax[i]; k++) {
            boolean match = true;
            for (int q : cd) {
                long a = (from / stride[q]) % dr[q];
                long b = (to / stride[q]) % dr[q];
                if (Math.min(a + k, dr[q] - 1) != b) {
                    match = false;
                    break;
                }
            }
            if (match) {
                double xs = lo + k * u;
                double v = cells[i].expectedValue(xs) - tau * xs;
                if (v > bestV) {
                    bestV = v;
                    bestK = k;
                }
            }
        }
        return bestK;
    }
}
