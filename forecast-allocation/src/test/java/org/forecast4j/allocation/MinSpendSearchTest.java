package org.forecast4j.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * min-spend with group limits (and with whole units on S-shaped cells) against independent references: Commons
 * Math's simplex on the LP of piecewise-linear cells ({@link SimplexReference}) and exhaustive enumeration of unit
 * splits ({@link BruteForce}).
 */
class MinSpendSearchTest {

    private static List<Cell> piecewiseCells(int n, Random r) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] xs = new double[3];
            double[] ls = new double[3];
            double x = 0;
            double l = 0;
            double s = 1e-4 * (1 + 4 * r.nextDouble());
            for (int k = 0; k < 3; k++) {
                double w = 1000 + 4000 * r.nextDouble();
                x += w;
                l += s * w;
                xs[k] = x;
                ls[k] = l;
                s *= 0.2 + 0.6 * r.nextDouble();
            }
            cells.add(Cell.builder("c" + i).labels(Map.of("channel", "ch" + (i % 3), "day", "d" + (i % 4)))
                    .baseline(500 + 1000 * r.nextDouble()).curve(ResponseCurve.piecewise(xs, ls))
                    .valuePerUnit(10 + 20 * r.nextDouble()).spendBounds(0, xs[2]).build());
        }
        return cells;
    }

    @Test
    void minSpend_groupsOnPiecewiseCells_matchesSimplexLp() {
        Random r = new Random(41);
        for (int t = 0; t < 3; t++) {
            List<Cell> cells = piecewiseCells(16, r);
            AllocationProblem.Builder b = AllocationProblem.builder().budget(90000).addCells(cells)
                    .addGroup(new GroupLimit(Map.of("channel", "ch0"), 0, 15000))
                    .addGroup(new GroupLimit(Map.of("channel", "ch1"), 8000, 30000))
                    .addGroup(new GroupLimit(Map.of("day", "d2"), 0, 10000));
            AllocationProblem maxP = b.build();
            double best = SimplexReference.solve(maxP);
            double target = (0.3 + 0.6 * r.nextDouble()) * best;
            AllocationProblem p = b.objective(Objective.minSpend(target)).build();
            Allocation a = Allocator.solve(p);
            double want = SimplexReference.minSpend(maxP, target);
            assertEquals(Allocation.Status.OPTIMAL, a.status(), a.toString());
            assertEquals(want, a.totalSpend(), 1e-6 * want, a.toString());
            assertTrue(a.dualBound() <= want * (1 + 1e-9), "lower bound on spend above the LP optimum " + want);
            assertTrue(a.objectiveValue() >= target * (1 - 1e-12), "target reached");
            assertTrue(a.binding().contains("target"));
            for (int g = 0; g < p.groups().size(); g++) {
                double s = 0;
                for (int i : p.members(g)) {
                    s += a.spend()[i];
                }
                GroupLimit gl = p.groups().get(g);
                assertTrue(s <= gl.maxSpend() * (1 + 1e-9) && s >= gl.minSpend() * (1 - 1e-9), "group " + g);
            }
        }
    }

    @Test
    void maxValue_groupsOnPiecewiseCellsAcrossBudgets_optimalAndEqualToSimplexLp() {
        // regression: column generation alone stalled at 1–6% gaps on these instances (Commons Math's simplex
        // returned non-optimal master solutions); the segment LP with its Lagrangian certificate closes them
        Random r = new Random(41);
        for (int t = 0; t < 2; t++) {
            List<Cell> cells = piecewiseCells(16, r);
            r.nextDouble();
            for (double budget = 15000; budget <= 90000; budget += 15000) {
                AllocationProblem p = AllocationProblem.builder().budget(budget).addCells(cells)
                        .addGroup(new GroupLimit(Map.of("channel", "ch0"), 0, 15000))
                        .addGroup(new GroupLimit(Map.of("channel", "ch1"), 8000, 30000))
                        .addGroup(new GroupLimit(Map.of("day", "d2"), 0, 10000)).build();
                Allocation a = Allocator.solve(p);
                double lp = SimplexReference.solve(p);
                assertEquals(Allocation.Status.OPTIMAL, a.status(), budget + " " + a + " " + a.message());
                assertEquals(lp, a.objectiveValue(), 1e-6 * lp, budget + " " + a);
                assertTrue(a.dualBound() >= lp * (1 - 1e-9));
            }
        }
    }

    @Test
    void minSpend_groupsOnSmoothCells_spendsTheBudgetWhoseOptimumIsTheTarget() {
        // f(B) is strictly increasing while the budget binds, so min-spend for the target f(B) spends B
        List<Cell> cells = Problems.concaveCells(100, new Random(42));
        double budget = 0;
        for (Cell c : cells) {
            budget += c.lo() + 0.3 * (c.hi() - c.lo());
        }
        AllocationProblem.Builder b = AllocationProblem.builder().budget(budget).addCells(cells)
                .addGroup(new GroupLimit(Map.of("channel", "search"), 0, 0.25 * budget))
                .addGroup(new GroupLimit(Map.of("day", "3"), 0.2 * budget, Double.POSITIVE_INFINITY));
        Allocation max = Allocator.solve(b.build());
        assertTrue(max.binding().contains("budget"), max.toString());
        Allocation a = Allocator.solve(b.budget(Double.POSITIVE_INFINITY)
                .objective(Objective.minSpend(max.objectiveValue())).build());
        assertEquals(Allocation.Status.OPTIMAL, a.status(), a.toString());
        assertEquals(budget, a.totalSpend(), 2e-6 * budget, a.toString());
        // the certified lower end (from dual bounds and their budget multipliers) is below the optimum B
        assertTrue(a.dualBound() <= budget * (1 + 1e-9), a.dualBound() + " > " + budget);
        assertTrue(a.objectiveValue() >= max.objectiveValue() * (1 - 1e-12));
    }

    @Test
    void minSpend_groupsWithUnits_matchesBruteForceExactly() {
        Random r = new Random(43);
        int checked = 0;
        for (int t = 0; t < 30; t++) {
            double u = 500;
            List<Cell> cells = GroupUnitsDpTest.cells(3 + r.nextInt(3), r, u, t % 2 == 0);
            AllocationProblem maxP = GroupUnitsDpTest.problem(cells, u * (4 + r.nextInt(8)), u, r);
            BruteForce.Result top = BruteForce.maxValue(maxP);
            if (top.feasible == 0) {
                continue;
            }
            double target = (0.2 + 0.8 * r.nextDouble()) * top.value;
            AllocationProblem.Builder b = AllocationProblem.builder().budget(maxP.budget()).unit(u).addCells(cells)
                    .objective(Objective.minSpend(target));
            maxP.groups().forEach(b::addGroup);
            Allocation a = Allocator.solve(b.build());
            BruteForce.Result want = BruteForce.minSpend(maxP, target);
            checked++;
            assertEquals(Allocation.Status.OPTIMAL, a.status(), a.toString());
            assertEquals(want.spend, a.totalSpend(), 1e-9 * want.spend, a.toString());
            assertEquals(0, a.gap(), a.toString());
            assertTrue(a.objectiveValue() >= target * (1 - 1e-12));
            GroupUnitsDpTest.assertFeasible(b.build(), a);
        }
        assertTrue(checked >= 20, "too few feasible instances: " + checked);
    }

    @Test
    void minSpend_sShapedCellsWithUnitsNoGroups_matchesBruteForce() {
        Random r = new Random(44);
        for (int t = 0; t < 10; t++) {
            double u = 500;
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                cells.add(Cell.builder("c" + i).baseline(100 + 900 * r.nextDouble())
                        .curve(ResponseCurve.hill(0.2 + 0.4 * r.nextDouble(), u * (1 + 4 * r.nextDouble()),
                                2 + 2 * r.nextDouble()))
                        .valuePerUnit(5 + 20 * r.nextDouble()).spendBounds(0, 5 * u).build());
            }
            AllocationProblem maxP = AllocationProblem.builder().budget(12 * u).unit(u).addCells(cells).build();
            double target = (0.2 + 0.7 * r.nextDouble()) * BruteForce.maxValue(maxP).value;
            Allocation a = Allocator.solve(AllocationProblem.builder().budget(12 * u).unit(u).addCells(cells)
                    .objective(Objective.minSpend(target)).build());
            assertEquals(BruteForce.minSpend(maxP, target).spend, a.totalSpend(), 1e-9, a.toString());
            assertEquals(Allocation.Status.OPTIMAL, a.status());
        }
    }

    @Test
    void minSpend_groupsAndUnreachableTarget_isInfeasibleWithReason() {
        List<Cell> cells = Problems.concaveCells(20, new Random(45));
        AllocationProblem p = AllocationProblem.builder().budget(100000).addCells(cells)
                .addGroup(new GroupLimit(Map.of("channel", "search"), 0, 10000))
                .objective(Objective.minSpend(1e12)).build();
        Allocation a = Allocator.solve(p);
        assertEquals(Allocation.Status.INFEASIBLE, a.status());
        assertTrue(a.message().startsWith("targetValue 1.000000000e+12 is not reachable"), a.message());
    }

    @Test
    void minSpend_targetMetAtMinimumSpends_spendsTheMinimum() {
        List<Cell> cells = Problems.concaveCells(10, new Random(46));
        double low = 0;
        double v0 = 0;
        for (Cell c : cells) {
            low += c.lo();
            v0 += c.expectedValue(c.lo());
        }
        AllocationProblem p = AllocationProblem.builder().budget(1e6).addCells(cells)
                .addGroup(new GroupLimit(Map.of("channel", "feed"), 0, 1e5))
                .objective(Objective.minSpend(0.5 * v0)).build();
        Allocation a = Allocator.solve(p);
        assertEquals(Allocation.Status.OPTIMAL, a.status(), a.toString());
        assertEquals(low, a.totalSpend(), 1e-9 * Math.max(1, low));
    }

    @Property(tries = 60)
    void minSpend_anySmallUnitGroupProblem_equalsBruteForceAndKeepsTheLimits(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int n,
            @ForAll @DoubleRange(min = 0.05, max = 1.2) double fraction) {
        Random r = new Random(seed);
        double u = 500;
        List<Cell> cells = GroupUnitsDpTest.cells(n, r, u, r.nextBoolean());
        AllocationProblem maxP = GroupUnitsDpTest.problem(cells, u * (2 + r.nextInt(10)), u, r);
        BruteForce.Result top = BruteForce.maxValue(maxP);
        double target = fraction * (top.feasible == 0 ? 1000 : top.value);
        AllocationProblem.Builder b = AllocationProblem.builder().budget(maxP.budget()).unit(u).addCells(cells)
                .objective(Objective.minSpend(target));
        maxP.groups().forEach(b::addGroup);
        AllocationProblem p = b.build();
        Allocation a = Allocator.solve(p);
        BruteForce.Result want = BruteForce.minSpend(maxP, target);
        if (Double.isNaN(want.spend)) {
            assertEquals(Allocation.Status.INFEASIBLE, a.status(), a.toString());
            return;
        }
        assertEquals(Allocation.Status.OPTIMAL, a.status(), a.toString());
        assertEquals(want.spend, a.totalSpend(), 1e-9 * Math.max(1, want.spend), a.toString());
        assertTrue(a.objectiveValue() >= target * (1 - 1e-12));
        GroupUnitsDpTest.assertFeasible(p, a);
    }
}
