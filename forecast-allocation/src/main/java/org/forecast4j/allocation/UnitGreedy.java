package org.forecast4j.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whole-unit allocation. Spend above each cell's lower bound is {@code k_i·u}; let
 * {@code Δ_i(k) = V_i(lo_i + (k+1)u) − V_i(lo_i + k·u)}.
 *
 * <p><b>Greedy</b> (concave cells): repeatedly buy the unit with the largest {@code Δ_i(k_i)} (a binary max-heap
 * of one candidate per cell) while units remain and {@code Δ > τ·u}. For concave V the increments of each cell are
 * non-increasing, so after m steps the plan holds the m largest increments overall, which is optimal for every m
 * (exchange argument). O((n + U)·log n). Certificate: with {@code p} = the best rejected increment per unit,
 * {@code g(λ) = λ·B + Σ_i max_k [V_i(lo_i + k·u) − p·(lo_i + k·u)]} (each max found by walking the concave
 * increments from the greedy's k_i).
 *
 * <p><b>Dynamic programming</b> (S-shaped cells, small instances): {@code best_i(j) = max_k best_(i−1)(j − k) + F_i(k)}
 * over units; exact. Larger S-shaped instances run the greedy on the true increments and report the gap against
 * the continuous envelope's dual bound (which also bounds every whole-unit plan).
 */
final class UnitGreedy {

    private UnitGreedy() {
    }

    static Allocation solve(AllocationProblem problem, Cell[] cells, double cap) {
        int n = cells.length;
        double u = problem.unit();
        double tau = problem.objective().spendPrice();
        double lowSum = 0;
        for (Cell c : cells) {
            lowSum += c.lo();
        }
        long units = Double.isFinite(cap) ? (long) Math.floor((cap - lowSum) / u * (1 + 1e-12)) : Long.MAX_VALUE;
        long[] kmax = new long[n];
        for (int i = 0; i < n; i++) {
            double room = (cells[i].hi() - cells[i].lo()) / u;
            kmax[i] = Double.isFinite(room) ? (long) Math.floor(room * (1 + 1e-12)) : Long.MAX_VALUE;
        }
        boolean concave = Allocator.allConcave(cells);
        if (problem.objective().kind() == Objective.Kind.MIN_SPEND) {
            if (!concave) {
                throw new IllegalStateException("S-shaped min-spend with units goes through MinSpendSearch");
            }
            return minSpendGreedy(problem, cells, u, units, kmax);
        }
        if (!concave && Double.isFinite(cap)) {
            long work = 0;
            for (int i = 0; i < n && work <= Allocator.DP_LIMIT; i++) {
                work += units * Math.min(kmax[i], units) + units;
            }
            if (work <= Allocator.DP_LIMIT) {
                return dynamicProgram(problem, cells, u, tau, (int) units, kmax, cap);
            }
        }
        long[] k = new long[n];
        long started = concave ? warmStart(cells, u, tau, units, kmax, k, lowSum) : 0;
        double[] cur = new double[n];
        double[] nextVal = new double[n];
        int[] heap = new int[n];
        double[] key = new double[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            double lo = cells[i].lo();
            cur[i] = cells[i].expectedValue(lo + k[i] * u);
            if (k[i] < kmax[i]) {
                heap[size] = i;
                nextVal[i] = cells[i].expectedValue(lo + (k[i] + 1) * u);
                key[i] = nextVal[i] - cur[i];
                size++;
            }
        }
        for (int h = size / 2 - 1; h >= 0; h--) {
            siftDown(heap, key, size, h);
        }
        long left = units - started;
        double threshold = tau * u;
        long steps = started;
        while (left > 0 && size > 0) {
            int i = heap[0];
            double gain = key[i];
            if (gain <= threshold) {
                break;
            }
            // buy one unit for cell i
            k[i]++;
            cur[i] = nextVal[i];
            left--;
            steps++;
            if (k[i] < kmax[i]) {
                nextVal[i] = cells[i].expectedValue(cells[i].lo() + (k[i] + 1) * u);
                key[i] = nextVal[i] - cur[i];
            } else {
                heap[0] = heap[--size];
            }
            siftDown(heap, key, size, 0);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = cells[i].lo() + k[i] * u;
        }
        // price: the best rejected increment per unit if the budget binds, else the threshold τ
        boolean budgetBinds = left == 0 && size > 0 && key[heap[0]] > threshold;
        double p = budgetBinds ? key[heap[0]] / u : tau;
        double lambda = p - tau;
        double primal = 0;
        double spend = 0;
        for (int i = 0; i < n; i++) {
            primal += cells[i].expectedValue(x[i]) - tau * x[i];
            spend += x[i];
        }
        double dual;
        double gapAbs;
        String solver;
        if (concave) {
            // g − P = λ(B − Σx) + Σ_i [(V(x*_i) − p x*_i) − (V(x_i) − p x_i)], x*_i the per-cell maximiser
            // every whole-unit plan spends at most Σlo + U·u, so that is the budget of the dual
            gapAbs = Double.isFinite(cap) ? lambda * (lowSum + units * u - spend) : 0;
            for (int i = 0; i < n; i++) {
                long ks = bestUnits(cells[i], u, k[i], kmax[i], p);
                if (ks != k[i]) {
                    double xs = cells[i].lo() + ks * u;
                    gapAbs += (cells[i].expectedValue(xs) - p * xs) - (cells[i].expectedValue(x[i]) - p * x[i]);
                }
            }
            dual = primal + gapAbs;
            solver = "greedy";
        } else {
            // continuous envelope bound (valid for every whole-unit plan)
            Allocation relaxed = Allocator.maxValue(problem, cells, cap);
            dual = relaxed.dualBound();
            gapAbs = dual - primal;
            solver = "greedy (S-shaped, envelope bound)";
        }
        gapAbs = Math.max(gapAbs, 0);
        double gap = gapAbs / Math.max(1, Math.abs(dual));
        List<String> binding = new ArrayList<>();
        if (Double.isFinite(cap) && cap - spend < u) {
            binding.add("budget");
        }
        Allocation.Status st = gap <= Allocator.OPTIMAL_GAP ? Allocation.Status.OPTIMAL
                : Allocation.Status.GAP_BOUNDED;
        return new Allocation(problem, st, String.format(Locale.ROOT, "%s: %d units bought, relative gap %.3e",
                solver, steps, gap), x, dual, gap, lambda, binding, solver);
    }

    /**
     * Warm start for the greedy on concave cells: sets {@code k_i = #{k : Δ_i(k) > θ·u}} for a price θ at which
     * these counts sum to at most U. Every increment above θ·u is then among the U largest (there are at most U of
     * them), so the greedy continued from here buys exactly the same set as from zero. θ is the continuous
     * water-filling price for the budget {@code Σlo + (U − n)·u} (or the ROI threshold if higher): each cell has at
     * most {@code (x_i(θ) − lo_i)/u + 1} such increments, which sums to at most U.
     *
     * @return units placed (0 when the warm start does not apply)
     */
    static long warmStart(Cell[] cells, double u, double tau, long units, long[] kmax, long[] k, double lowSum) {
        int n = cells.length;
        if (n < WaterFilling.FLAT_MIN_WARM) {
            return 0;
        }
        FlatCells flat = new FlatCells(cells);
        double[] x = new double[n];
        double theta;
        double p0 = Math.max(tau, WaterFilling.MIN_PRICE);
        double s0 = flat.spendAt(p0, x);
        if (units == Long.MAX_VALUE) {
            if (tau <= 0) {
                return 0;
            }
            theta = tau;
        } else {
            double capStart = lowSum + (units - (double) n) * u;
            if (capStart <= lowSum) {
                return 0;
            }
            if (s0 <= capStart) {
                theta = p0;
            } else {
                WaterFilling.Solution sol = WaterFilling.newton(flat, p0, s0, x, capStart);
                theta = sol.high;
                x = sol.xHigh;
            }
        }
        double tu = theta * u;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            Cell c = cells[i];
            double lo = c.lo();
            double g = Double.isFinite(x[i]) ? Math.floor((x[i] - lo) / u) : 0;
            long kk = (long) Math.max(0, Math.min(g, (double) kmax[i]));
            double vk = c.expectedValue(lo + kk * u);
            // walk up while the next increment is worth more than θ·u, down while the last one is not
            while (kk < kmax[i]) {
                double vn = c.expectedValue(lo + (kk + 1) * u);
                if (vn - vk > tu) {
                    kk++;
                    vk = vn;
                } else {
                    break;
                }
            }
            while (kk > 0) {
                double vp = c.expectedValue(lo + (kk - 1) * u);
                if (vk - vp <= tu) {
                    kk--;
                    vk = vp;
                } else {
                    break;
                }
            }
            k[i] = kk;
            sum += kk;
        }
        if (sum > units) {
            // cannot happen for concave cells; fall back to the cold start rather than trust it
            java.util.Arrays.fill(k, 0);
            return 0;
        }
        return sum;
    }

    /** argmax over k of V(lo + k·u) − p·(lo + k·u) for concave V, walking from a start k. */
    static long bestUnits(Cell c, double u, long start, long kmax, double p) {
        double lo = c.lo();
        double pu = p * u;
        long k = start;
        // increments are non-increasing: move up while the next one pays, down while the last one does not
        while (k < kmax && c.expectedValue(lo + (k + 1) * u) - c.expectedValue(lo + k * u) > pu) {
            k++;
        }
        while (k > 0 && c.expectedValue(lo + k * u) - c.expectedValue(lo + (k - 1) * u) < pu) {
            k--;
        }
        return k;
    }

    private static Allocation minSpendGreedy(AllocationProblem problem, Cell[] cells, double u, long units,
                                             long[] kmax) {
        int n = cells.length;
        double target = problem.objective().parameter();
        long[] k = new long[n];
        int[] heap = new int[n];
        double[] key = new double[n];
        int size = 0;
        double value = 0;
        for (int i = 0; i < n; i++) {
            value += cells[i].expectedValue(cells[i].lo());
            if (kmax[i] >= 1) {
                heap[size++] = i;
                key[i] = cells[i].expectedValue(cells[i].lo() + u) - cells[i].expectedValue(cells[i].lo());
            }
        }
        for (int h = size / 2 - 1; h >= 0; h--) {
            siftDown(heap, key, size, h);
        }
        long left = units;
        double lastGain = 0;
        while (value < target && left > 0 && size > 0 && key[heap[0]] > 0) {
            int i = heap[0];
            value += key[i];
            lastGain = key[i];
            k[i]++;
            left--;
            if (k[i] < kmax[i]) {
                double lo = cells[i].lo();
                key[i] = cells[i].expectedValue(lo + (k[i] + 1) * u) - cells[i].expectedValue(lo + k[i] * u);
            } else {
                heap[0] = heap[--size];
            }
            siftDown(heap, key, size, 0);
        }
        if (value < target * (1 - 1e-12)) {
            return Allocation.infeasible(problem, String.format(Locale.ROOT,
                    "targetValue %.10g is not reachable: the best expected value within the budget is %.10g",
                    target, value), "greedy");
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = cells[i].lo() + k[i] * u;
        }
        List<String> binding = new ArrayList<>();
        binding.add("target");
        // greedy holds the m largest increments for every m, so m − 1 units cannot reach the target: gap 0
        double spend = Allocator.sumOf(x);
        return new Allocation(problem, Allocation.Status.OPTIMAL, "greedy on value: fewest units reaching the target",
                x, spend, 0, lastGain / u, binding, "greedy");
    }

    private static Allocation dynamicProgram(AllocationProblem problem, Cell[] cells, double u, double tau, int units,
                                             long[] kmax, double cap) {
        int n = cells.length;
        double[] best = new double[units + 1];
        double[] next = new double[units + 1];
        int[][] choice = new int[n][units + 1];
        double[] f = new double[units + 1];
        for (int i = 0; i < n; i++) {
            int km = (int) Math.min(kmax[i], units);
            double lo = cells[i].lo();
            for (int kk = 0; kk <= km; kk++) {
                double xs = lo + kk * u;
                f[kk] = cells[i].expectedValue(xs) - tau * xs;
            }
            for (int j = 0; j <= units; j++) {
                double b = Double.NEGATIVE_INFINITY;
                int arg = 0;
                int top = Math.min(km, j);
                for (int kk = 0; kk <= top; kk++) {
                    double v = (i == 0 ? 0 : best[j - kk]) + f[kk];
                    if (v > b) {
                        b = v;
                        arg = kk;
                    }
                }
                next[j] = b;
                choice[i][j] = arg;
            }
            double[] t = best;
            best = next;
            next = t;
        }
        // best[j]: best value with at most j units (cell 0 may absorb any j ≤ its kmax; the rest is monotone)
        int jBest = 0;
        for (int j = 1; j <= units; j++) {
            if (best[j] > best[jBest]) {
                jBest = j;
            }
        }
        double[] x = new double[n];
        int j = jBest;
        for (int i = n - 1; i >= 0; i--) {
            int kk = choice[i][j];
            x[i] = cells[i].lo() + kk * u;
            j -= kk;
        }
        List<String> binding = new ArrayList<>();
        double spend = Allocator.sumOf(x);
        if (cap - spend < u) {
            binding.add("budget");
        }
        double primal = best[jBest];
        return new Allocation(problem, Allocation.Status.OPTIMAL,
                "dynamic programming over " + units + " units: exact", x, primal, 0, Double.NaN, binding,
                "dynamic programming");
    }

    static void siftDown(int[] heap, double[] key, int size, int h) {
        int item = heap[h];
        double k = key[item];
        while (true) {
            int c = 2 * h + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && key[heap[c + 1]] > key[heap[c]]) {
                c++;
            }
            if (key[heap[c]] <= k) {
                break;
            }
            heap[h] = heap[c];
            h = c;
        }
        heap[h] = item;
    }
}
