package org.forecast4j.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact solvers for {@link AllocationProblem}s, chosen by structure:
 * <ul>
 *   <li>one budget, continuous spend: Lagrangian bisection on the marginal ROI ({@link WaterFilling});</li>
 *   <li>one budget, whole units, concave cells: greedy marginal allocation with a binary heap;
 *       S-shaped cells: dynamic programming over units when {@code n·U·k ≤ } {@link #DP_LIMIT}, else the greedy
 *       with a certified gap;</li>
 *   <li>group limits: dual coordinate ascent on the multipliers of the budget and every group
 *       ({@link GroupDual}), then a feasibility repair, with a certified gap (small concave piecewise-linear
 *       problems first as one LP over the curve segments, {@link SegmentLp}); with whole units, dynamic
 *       programming over the constraint loads ({@link GroupUnitsDp}, exact) when the instance is small enough,
 *       else the continuous optimum rounded to units with the continuous dual bound as certificate;</li>
 *   <li>min-spend with group limits (or with whole units and S-shaped cells): a search on the budget over the
 *       certified max-value solver ({@link MinSpendSearch}).</li>
 * </ul>
 * Every result carries a Lagrangian dual bound; the status is {@code optimal} when the relative gap is at most
 * {@link #OPTIMAL_GAP} and {@code gap-bounded} otherwise. Non-concave (S-shaped) cells are solved on their concave
 * envelope and the true value of the returned plan is compared with the envelope's dual bound, so the reported
 * gap is a proven bound, never a silently local optimum.
 *
 * @since 0.1.0
 */
public final class Allocator {

    /** Relative duality gap up to which a plan is reported as optimal. */
    public static final double OPTIMAL_GAP = 1e-6;
    /** Largest dynamic-programming table (cells × units × units per cell) for S-shaped whole-unit problems. */
    public static final long DP_LIMIT = 50_000_000L;
    /** Relative tolerance for "a constraint is binding" (the group repair stops a few 1e-9 inside its limits). */
    static final double BIND_TOL = 1e-7;

    private static final Logger LOG = LoggerFactory.getLogger(Allocator.class);

    private Allocator() {
    }

    /**
     * Solves a problem.
     *
     * @param problem the problem
     * @return the plan with its certificate (status {@code infeasible} with the reason when no plan exists)
     * @throws IllegalArgumentException for combinations the solvers do not support (documented in
     *                                  docs/allocation.md)
     */
    public static Allocation solve(AllocationProblem problem) {
        Objects.requireNonNull(problem, "problem");
        Cell[] cells = problem.cells().toArray(new Cell[0]);
        double fixed = 0;
        double lowSum = 0;
        for (Cell c : cells) {
            fixed += c.fixedSpend();
            lowSum += c.lo();
        }
        double cap = problem.budget() + fixed;
        if (lowSum > cap * (1 + 1e-12)) {
            return Allocation.infeasible(problem, String.format(Locale.ROOT,
                    "minimum spends %.10g exceed the budget %.10g", lowSum - fixed, problem.budget()), "none");
        }
        Allocation a;
        boolean minSpend = problem.objective().kind() == Objective.Kind.MIN_SPEND;
        if (minSpend && (!problem.groups().isEmpty() || (problem.unit() > 0 && !allConcave(cells)))) {
            a = MinSpendSearch.solve(problem, cells, cap);
        } else if (!problem.groups().isEmpty()) {
            a = problem.unit() > 0 ? GroupUnitsDp.solve(problem, cells, cap) : null;
            if (a == null) {
                a = GroupDual.solve(problem, cells, cap);
            }
        } else if (problem.unit() > 0) {
            a = UnitGreedy.solve(problem, cells, cap);
        } else if (minSpend) {
            a = minSpend(problem, cells, cap);
        } else {
            a = maxValue(problem, cells, cap);
        }
        LOG.debug("{}", a);
        return a;
    }

    /**
     * Budget → value frontier: one solve per budget.
     *
     * @param problem the problem (its budget is replaced)
     * @param budgets budgets, each &ge; 0. Not modified.
     * @return one plan per budget
     */
    public static List<Allocation> frontier(AllocationProblem problem, double[] budgets) {
        List<Allocation> out = new ArrayList<>(budgets.length);
        for (double b : budgets) {
            out.add(solve(problem.withBudget(b)));
        }
        return out;
    }

    /** Water-filling for max Σ V − τ Σ x s.t. Σ x ≤ cap, bounds. */
    static Allocation maxValue(AllocationProblem problem, Cell[] cells, double cap) {
        int n = cells.length;
        double tau = problem.objective().spendPrice();
        double p0 = tau > 0 ? tau : WaterFilling.MIN_PRICE;
        double[] x = new double[n];
        FlatCells flat = new FlatCells(cells);
        double s0 = flat.spendAt(p0, x);
        if (s0 <= cap) {
            // the budget does not bind: λ = 0 and the plan maximises each cell's V − τx
            return finish(problem, cells, x, cap, tau, 0, null, "water-filling", 1);
        }
        WaterFilling.Solution sol = WaterFilling.newton(flat, p0, s0, x, cap);
        return finish(problem, cells, sol.xHigh, cap, tau, sol.high - tau, sol.xLow, "water-filling",
                sol.iterations);
    }

    /**
     * Completes a water-filling plan: fills the budget left at the high price cell by cell towards the low-price
     * plan and computes the certificate {@code g(λ) − P = λ·(B − Σx) + Σ_i (p·d_i − ΔV_i)} over the filled cells.
     */
    private static Allocation finish(AllocationProblem problem, Cell[] cells, double[] x, double cap, double tau,
                                     double lambda, double[] xl, String solver, int iterations) {
        int n = cells.length;
        double p = tau + lambda;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i];
        }
        double gapAbs = 0;
        if (xl != null) {
            double rest = cap - sum;
            for (int i = 0; i < n && rest > 0; i++) {
                double d = xl[i] - x[i];
                if (d > 0) {
                    double take = Math.min(d, rest);
                    double v0 = cells[i].expectedValue(x[i]);
                    x[i] += take;
                    rest -= take;
                    gapAbs += p * take - (cells[i].expectedValue(x[i]) - v0);
                }
            }
            sum = cap - rest;
            gapAbs += lambda * rest;
        }
        List<String> binding = new ArrayList<>();
        if (Double.isFinite(cap) && sum >= cap * (1 - BIND_TOL)) {
            binding.add("budget");
        }
        String detail = String.format(Locale.ROOT, "%s: %d price iterations", solver, iterations);
        if (allConcave(cells)) {
            return Allocation.certified(problem, x, tau, gapAbs, lambda, binding, solver, detail);
        }
        // S-shaped cells: the dual bound is the envelope's, g(λ) = λ·B + Σ max_x [V_i(x) − p·x]
        double envelope = 0;
        double primal = 0;
        for (int i = 0; i < n; i++) {
            double xi = cells[i].argmax(p);
            envelope += cells[i].expectedValue(xi) - p * xi;
            primal += cells[i].expectedValue(x[i]) - tau * x[i];
        }
        double dual = (Double.isFinite(cap) ? lambda * cap : 0) + envelope;
        return Allocation.certified(problem, x, tau, dual - primal, lambda, binding, solver,
                detail + " (S-shaped cells: envelope bound)");
    }

    /** Min Σ x s.t. Σ V ≥ T: the same price path, searched on value instead of spend. */
    static Allocation minSpend(AllocationProblem problem, Cell[] cells, double cap) {
        int n = cells.length;
        double target = problem.objective().parameter();
        double[] x = new double[n];
        double v0 = 0;
        for (int i = 0; i < n; i++) {
            x[i] = cells[i].lo();
            v0 += cells[i].expectedValue(x[i]);
        }
        List<String> binding = new ArrayList<>();
        if (v0 >= target) {
            return new Allocation(problem, Allocation.Status.OPTIMAL, "target met at the minimum spends", x,
                    sumOf(x), 0, 0, binding, "water-filling");
        }
        // best reachable value: within the budget if it binds, else at λ → 0+
        double reach;
        double pFloor = WaterFilling.MIN_PRICE;
        FlatCells flat = new FlatCells(cells);
        double[] work = new double[n];
        if (Double.isFinite(cap) && flat.spendAt(pFloor, null) > cap) {
            Allocation best = maxValue(problem, cells, cap);
            reach = best.objectiveValue();
            pFloor = best.budgetShadowPrice();
        } else {
            reach = WaterFilling.valueAt(flat, pFloor, work);
        }
        if (reach < target * (1 - 1e-12)) {
            return Allocation.infeasible(problem, String.format(Locale.ROOT,
                    "targetValue %.10g is not reachable: the best expected value within the budget is %.10g",
                    target, reach), "water-filling");
        }
        double[] xl = new double[n];
        double ph;
        int iterations;
        if (WaterFilling.valueAt(flat, pFloor, work) <= target) {
            ph = pFloor;
            iterations = 1;
            flat.spendAt(ph, xl);
        } else {
            WaterFilling.Bracket br = WaterFilling.search(flat, pFloor, target, true);
            ph = br.high;
            iterations = br.iterations;
            flat.spendAt(br.low, xl);
        }
        flat.spendAt(ph, x);
        double need = target;
        for (int i = 0; i < n; i++) {
            need -= cells[i].expectedValue(x[i]);
        }
        // fill value cell by cell towards the low-price plan; certificate Σ (d_i − ΔV_i / p)
        double gapAbs = 0;
        for (int i = 0; i < n && need > 0; i++) {
            if (xl[i] > x[i]) {
                double va = cells[i].expectedValue(x[i]);
                double vb = cells[i].expectedValue(xl[i]);
                double nx;
                if (vb - va <= need) {
                    nx = xl[i];
                } else {
                    // V is non-decreasing: bisect for V(x) = va + need
                    double lo = x[i];
                    double hi = xl[i];
                    for (int k = 0; k < 200 && hi - lo > Math.ulp(hi); k++) {
                        double mid = 0.5 * (lo + hi);
                        if (cells[i].expectedValue(mid) >= va + need) {
                            hi = mid;
                        } else {
                            lo = mid;
                        }
                    }
                    nx = hi;
                }
                double dv = cells[i].expectedValue(nx) - va;
                gapAbs += (nx - x[i]) - dv / ph;
                need -= dv;
                x[i] = nx;
            }
        }
        double spend = sumOf(x);
        gapAbs = Math.max(gapAbs, 0);
        if (!allConcave(cells)) {
            double env = 0;
            double vh = 0;
            for (int i = 0; i < n; i++) {
                double xi = cells[i].argmax(ph);
                env += xi;
                vh += cells[i].expectedValue(xi);
            }
            // lower bound on spend: Σx_h + (T − ΣV(x_h))/p
            double lb = env + (target - vh) / ph;
            gapAbs = Math.max(spend - lb, 0);
        }
        double gap = gapAbs / Math.max(1, spend);
        binding.add("target");
        Allocation.Status st = gap <= OPTIMAL_GAP ? Allocation.Status.OPTIMAL : Allocation.Status.GAP_BOUNDED;
        return new Allocation(problem, st, String.format(Locale.ROOT,
                "water-filling on value: %d price iterations, relative gap %.3e", iterations, gap), x,
                spend - gapAbs, gap, ph, binding, "water-filling");
    }

    static boolean allConcave(Cell[] cells) {
        for (Cell c : cells) {
            if (!c.isConcave()) {
                return false;
            }
        }
        return true;
    }

    static double sumOf(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    static void cellBindings(Cell[] cells, double[] x, List<String> binding) {
        for (int i = 0; i < cells.length; i++) {
            double hi = cells[i].hi();
            double lo = cells[i].lo();
            if (Double.isFinite(hi) && x[i] >= hi - BIND_TOL * Math.max(1, hi)) {
                binding.add("cell[" + cells[i].id() + "].max");
            } else if (lo > 0 && x[i] <= lo + BIND_TOL * Math.max(1, lo)) {
                binding.add("cell[" + cells[i].id() + "].min");
            }
        }
    }
}
