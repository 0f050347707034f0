package org.forecast4j.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code min-spend} for problems whose max-value solver is not a single price search: group limits (continuous or
 * whole units) and S-shaped cells with whole units. Searches the budget {@code B} of new spend over the certified
 * max-value solver.
 *
 * <p><b>Why it is exact.</b> Let {@code f(B)} be the optimum of {@code max Σ V_i(x_i)} with new spend at most
 * {@code B} and every other constraint unchanged; {@code f} is non-decreasing (a larger budget enlarges the feasible
 * set). The minimum new spend reaching the target {@code T} is {@code B* = min {B : f(B) ≥ T}}. A max-value solve at
 * {@code B} returns a feasible plan with value {@code v(B) ≤ f(B)} and a dual bound {@code g(B) ≥ f(B)}:
 * <ul>
 *   <li>if {@code v(B) ≥ T}, its plan reaches the target with new spend at most {@code B}, so {@code B* ≤ B};</li>
 *   <li>if {@code g(B) < T} (or no plan meets the constraints at {@code B}), no plan with new spend at most
 *       {@code B} reaches the target, so {@code B* > B}.</li>
 * </ul>
 * Bisection keeps a certified lower end {@code B_lo} and an upper end whose plan reaches the target; the returned
 * plan's spend {@code S} and {@code B_lo} bracket the optimum, so {@code (S − B_lo)/max(1, S)} (in total spend) is a
 * proven relative gap. With whole units the search runs over the number of units and ends with adjacent counts,
 * which is exact (gap 0) whenever the max-value solves are exact (the unit dynamic programs). A solve can be
 * inconclusive ({@code v(B) < T ≤ g(B)}, only for gap-bounded sub-problems); such budgets form a range that the
 * search bisects around from both sides, and the reported gap then includes that range.
 */
final class MinSpendSearch {

    /** Relative width of the spend bracket at which the continuous search stops (well below the optimal gap). */
    static final double SPEND_TOL = 1e-9;
    /** Cap on the number of max-value solves. */
    static final int MAX_SOLVES = 200;
    /** With an inconclusive range, a relative bracket at which the search stops (100× below the optimal gap). */
    private static final double INCONCLUSIVE_ENOUGH = 1e-8;
    /** Where the continuous search tries next, as a fraction of the bracket above its certified lower end. */
    private static final double LEFT_STEP = 0.02;
    /** With an inconclusive range, the sides are narrowed to this fraction of its width (it dominates the gap). */
    private static final double INCONCLUSIVE_SIDE = 0.01;
    /** Ratio of the bracket ends above which the continuous search bisects geometrically. */
    private static final double GEOMETRIC_RATIO = 1e3;

    private MinSpendSearch() {
    }

    static Allocation solve(AllocationProblem problem, Cell[] cells, double cap) {
        double target = problem.objective().parameter();
        double fixed = 0;
        double lowSum = 0;
        for (Cell c : cells) {
            fixed += c.fixedSpend();
            lowSum += c.lo();
        }
        double budget = problem.budget();
        Allocation top = maxValue(problem, budget);
        if (top.status() == Allocation.Status.INFEASIBLE) {
            return Allocation.infeasible(problem, top.message(), top.solver());
        }
        if (!reaches(top, target)) {
            String why = top.dualBound() < target
                    ? String.format(Locale.ROOT, "targetValue %.10g is not reachable: the best expected value within "
                    + "the budget is %.10g", target, top.dualBound())
                    : String.format(Locale.ROOT, "targetValue %.10g was not reached: the best plan found within the "
                    + "budget is worth %.10g (the optimum is at most %.10g)", target, top.objectiveValue(),
                    top.dualBound());
            return Allocation.infeasible(problem, why, "budget search over " + top.solver());
        }
        double u = problem.unit();
        // search coordinate t: the new-spend budget, or with units the unit count k of B_k = Σlo − fixed + k·u
        boolean units = u > 0;
        double lo;
        double hi;
        if (units) {
            lo = -1;
            hi = Math.max(0, Math.round((top.totalSpend() - lowSum) / u));
        } else {
            lo = 0;
            hi = top.newSpend();
        }
        Allocation best = top;
        int solves = 1;
        if (!units) {
            // t = 0 is the one budget the bisection never tries
            Allocation atZero = maxValue(problem, 0);
            solves++;
            if (reaches(atZero, target)) {
                best = atZero;
                hi = 0;
            } else if (!certifiedBelow(atZero, target)) {
                lo = Double.NaN;
            }
        }
        // inconclusive budgets (v < T ≤ g) form a region [ua, ub] between lo and hi: bisect on both sides of it
        double ua = Double.NaN;
        double ub = Double.NaN;
        if (Double.isNaN(lo)) {
            lo = 0;
            ua = 0;
            ub = 0;
        }
        int step = 0;
        while (solves < MAX_SOLVES) {
            double tol = units ? 1 : SPEND_TOL * Math.max(1, hi + fixed);
            double a;
            double b;
            if (Double.isNaN(ua)) {
                a = lo;
                b = hi;
            } else if (ua - lo >= hi - ub) {
                a = lo;
                b = ua;
            } else {
                a = ub;
                b = hi;
            }
            if (b - a <= (Double.isNaN(ua) ? tol : Math.max(tol, INCONCLUSIVE_SIDE * (ub - ua)))) {
                break;
            }
            if (!Double.isNaN(ua) && !units && hi - lo <= INCONCLUSIVE_ENOUGH * Math.max(1, hi + fixed)) {
                // the sub-problems' own precision is reached; the bracket is far inside the optimal gap
                break;
            }
            double mid = units ? Math.floor(0.5 * (a + b))
                    : b > GEOMETRIC_RATIO * Math.max(1, a) ? Math.sqrt(Math.max(1, a) * b) : 0.5 * (a + b);
            step++;
            if (!units && Double.isNaN(ua) && step % 4 != 0 && b <= GEOMETRIC_RATIO * Math.max(1, a)) {
                // the lower end comes from the dual bound's tangent (below), which approaches B* quadratically, so
                // a point just above it usually reaches the target and shrinks the bracket 50-fold; every fourth
                // step bisects in case it does not
                mid = a + LEFT_STEP * (b - a);
            }
            Allocation r = maxValue(problem, units ? lowSum - fixed + mid * u : mid);
            solves++;
            if (!units && r.status() != Allocation.Status.INFEASIBLE) {
                // the group solver's bound is g(y) with budget multiplier y0 = its shadow price, and
                // g(y) + y0·(B' − B) bounds f(B') for every B' (the budget enters g only through y0·B), so every
                // budget below B + (T − g)/y0 is certified to fall short of the target without another solve
                double y0 = r.budgetShadowPrice();
                if (y0 > 0 && Double.isFinite(y0) && Double.isFinite(r.dualBound())) {
                    double cert = mid + (target - r.dualBound()) / y0;
                    cert -= 1e-12 * Math.max(1, Math.abs(cert));
                    if (cert > lo) {
                        lo = Math.min(cert, hi);
                        if (!Double.isNaN(ub) && lo >= ub) {
                            ua = Double.NaN;
                            ub = Double.NaN;
                        } else if (!Double.isNaN(ua)) {
                            ua = Math.max(ua, lo);
                        }
                    }
                }
            }
            if (reaches(r, target)) {
                best = r;
                hi = Math.min(mid, units ? Math.round((r.totalSpend() - lowSum) / u) : r.newSpend());
                if (!Double.isNaN(ua) && hi <= ua) {
                    ua = Double.NaN;
                    ub = Double.NaN;
                } else if (!Double.isNaN(ub)) {
                    ub = Math.min(ub, hi);
                }
            } else if (certifiedBelow(r, target)) {
                lo = Math.max(lo, mid);
                if (!Double.isNaN(ub) && lo >= ub) {
                    ua = Double.NaN;
                    ub = Double.NaN;
                } else if (!Double.isNaN(ua)) {
                    ua = Math.max(ua, lo);
                }
            } else if (Double.isNaN(ua)) {
                ua = mid;
                ub = mid;
            } else {
                ua = Math.min(ua, mid);
                ub = Math.max(ub, mid);
            }
        }
        boolean stalled = !Double.isNaN(ua);
        double lowerTotal = units ? lowSum + (lo + 1) * u : lo + fixed;
        double spend = best.totalSpend();
        // with gap-bounded sub-problems the lower end may exceed a plan's spend only by rounding: clamp
        lowerTotal = Math.min(lowerTotal, spend);
        double gap = (spend - lowerTotal) / Math.max(1, spend);
        Allocation.Status st = gap <= Allocator.OPTIMAL_GAP ? Allocation.Status.OPTIMAL
                : Allocation.Status.GAP_BOUNDED;
        List<String> binding = new ArrayList<>();
        for (String b : best.binding()) {
            if (!"budget".equals(b)) {
                binding.add(b);
            }
        }
        binding.add("target");
        String solver = "budget search over " + best.solver();
        String msg = String.format(Locale.ROOT, "%s: %d max-value solves%s, spend within [%.10g, %.10g], relative "
                + "gap %.3e", solver, solves, stalled ? " (budgets in an inconclusive range: value below and bound above the target)" : "",
                lowerTotal, spend, gap);
        return new Allocation(problem, st, msg, best.spend(), lowerTotal, gap, best.budgetShadowPrice(), binding,
                solver);
    }

    private static Allocation maxValue(AllocationProblem problem, double budget) {
        return Allocator.solve(problem.with(budget, Objective.maxValue()));
    }

    /** The plan reaches the target (the same 1e-12 relative tolerance as the water-filling min-spend). */
    private static boolean reaches(Allocation a, double target) {
        return a.status() != Allocation.Status.INFEASIBLE && a.objectiveValue() >= target * (1 - 1e-12);
    }

    /** Proven: no plan within this budget reaches the target. */
    private static boolean certifiedBelow(Allocation a, double target) {
        return a.status() == Allocation.Status.INFEASIBLE || a.dualBound() < target * (1 - 1e-12);
    }
}
