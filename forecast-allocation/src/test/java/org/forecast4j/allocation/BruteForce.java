package org.forecast4j.allocation;

import java.util.List;

/**
 * Independent reference for whole-unit problems: exhaustive enumeration of every unit split
 * {@code x_i = lo_i + k_i·u, 0 ≤ k_i ≤ kmax_i}, keeping those that meet the budget and every group limit.
 */
final class BruteForce {

    /** Best plan found: value and spend of the best split ({@code NaN} when none is feasible). */
    static final class Result {
        double value = Double.NaN;
        double spend = Double.NaN;
        long feasible;
    }

    private BruteForce() {
    }

    /** Maximum of {@code Σ V_i(x_i)} over feasible splits. */
    static Result maxValue(AllocationProblem p) {
        return search(p, Double.NaN);
    }

    /** Minimum total spend over feasible splits with {@code Σ V_i(x_i) ≥ target}. */
    static Result minSpend(AllocationProblem p, double target) {
        return search(p, target);
    }

    private static Result search(AllocationProblem p, double target) {
        List<Cell> cells = p.cells();
        int n = cells.size();
        double u = p.unit();
        int[] kmax = new int[n];
        for (int i = 0; i < n; i++) {
            kmax[i] = (int) Math.floor((cells.get(i).hi() - cells.get(i).lo()) / u + 1e-9);
        }
        double fixed = 0;
        for (Cell c : cells) {
            fixed += c.fixedSpend();
        }
        int[] k = new int[n];
        Result r = new Result();
        while (true) {
            double spend = 0;
            double value = 0;
            for (int i = 0; i < n; i++) {
                double x = cells.get(i).lo() + k[i] * u;
                spend += x;
                value += cells.get(i).expectedValue(x);
            }
            boolean ok = spend - fixed <= p.budget() + 1e-9;
            for (int g = 0; g < p.groups().size() && ok; g++) {
                double s = 0;
                for (int i : p.members(g)) {
                    s += cells.get(i).lo() + k[i] * u;
                }
                ok = s <= p.groups().get(g).maxSpend() + 1e-9 && s >= p.groups().get(g).minSpend() - 1e-9;
            }
            if (ok) {
                r.feasible++;
                if (Double.isNaN(target)) {
                    if (Double.isNaN(r.value) || value > r.value) {
                        r.value = value;
                        r.spend = spend;
                    }
                } else if (value >= target && (Double.isNaN(r.spend) || spend < r.spend)) {
                    r.value = value;
                    r.spend = spend;
                }
            }
            int i = 0;
            while (i < n && k[i] == kmax[i]) {
                k[i] = 0;
                i++;
            }
            if (i == n) {
                return r;
            }
            k[i]++;
        }
    }
}
