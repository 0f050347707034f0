package org.forecast4j.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of every solver (issue 7, "Verification"). Instances come from a generated seed and size. */
class AllocatorPropertiesTest {

    private static final double TOL = 1e-9;

    private static AllocationProblem withGroups(List<Cell> cells, double budget, Random r, double unit) {
        AllocationProblem.Builder b = AllocationProblem.builder().budget(budget).unit(unit).addCells(cells);
        if (r.nextBoolean()) {
            b.addGroup(new GroupLimit(Map.of("channel", "search"), 0, budget * (0.1 + 0.4 * r.nextDouble())));
            b.addGroup(new GroupLimit(Map.of("day", "1"), 0, budget * (0.05 + 0.2 * r.nextDouble())));
        }
        return b.build();
    }

    @Property(tries = 150)
    void solve_anyProblem_respectsBudgetBoundsAndGroups(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int n,
                                                        @ForAll @DoubleRange(min = 0, max = 30000) double perCell,
                                                        @ForAll boolean units) {
        Random r = new Random(seed);
        List<Cell> cells = Problems.concaveCells(n, r);
        AllocationProblem p = withGroups(cells, perCell * n, r, units ? 250 : 0);
        Allocation a = Allocator.solve(p);
        if (a.status() == Allocation.Status.INFEASIBLE) {
            double low = 0;
            for (Cell c : cells) {
                low += c.lo();
            }
            assertTrue(low > p.budget() || !p.groups().isEmpty(), a.message());
            return;
        }
        assertTrue(a.newSpend() <= p.budget() * (1 + TOL) + TOL, "budget");
        double[] x = a.spend();
        for (int i = 0; i < n; i++) {
            assertTrue(x[i] >= cells.get(i).lo() - TOL && x[i] <= cells.get(i).hi() * (1 + TOL), "bounds");
        }
        for (int g = 0; g < p.groups().size(); g++) {
            double s = 0;
            for (int i : p.members(g)) {
                s += x[i];
            }
            assertTrue(s <= p.groups().get(g).maxSpend() * (1 + TOL) + TOL, "group " + g);
            assertTrue(s >= p.groups().get(g).minSpend() * (1 - TOL) - TOL, "group " + g);
        }
        assertTrue(a.gap() >= 0);
        assertTrue(a.dualBound() >= a.objectiveValue() * (1 - 1e-12) - 1e-9, "dual bound below the plan");
    }

    @Property(tries = 150)
    void solve_largerBudget_neverLowersValue(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int n,
                                             @ForAll @DoubleRange(min = 0, max = 20000) double perCell,
                                             @ForAll @DoubleRange(min = 0, max = 20000) double more,
                                             @ForAll boolean units) {
        Random r = new Random(seed);
        List<Cell> cells = Problems.concaveCells(n, r);
        double unit = units ? 400 : 0;
        Allocation a = Allocator.solve(AllocationProblem.builder().budget(perCell * n).unit(unit).addCells(cells)
                .build());
        Allocation b = Allocator.solve(AllocationProblem.builder().budget((perCell + more) * n).unit(unit)
                .addCells(cells).build());
        if (a.status() != Allocation.Status.INFEASIBLE) {
            assertTrue(b.objectiveValue() >= a.objectiveValue() * (1 - 1e-12) - 1e-9);
        }
    }

    @Property(tries = 100)
    void solve_largerCapacity_neverLowersValue(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int n,
                                               @ForAll @DoubleRange(min = 1, max = 3) double factor) {
        Random r = new Random(seed);
        double[] p = {0.1, 0.5, 0.9};
        List<Cell> small = new ArrayList<>();
        List<Cell> large = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double base = 100 + 2000 * r.nextDouble();
            double[] q = {0.7 * base, base, 1.4 * base};
            BaselineDistribution d = BaselineDistribution.fromQuantiles(base, p, q);
            ResponseCurve c = ResponseCurve.exponential(0.2 + 0.6 * r.nextDouble(), 1000 + 9000 * r.nextDouble());
            double cap = base * (0.9 + 0.6 * r.nextDouble());
            double v = 5 + 50 * r.nextDouble();
            small.add(Cell.builder("c" + i).baseline(d).curve(c).valuePerUnit(v).capacity(cap).spendBounds(0, 30000)
                    .build());
            large.add(Cell.builder("c" + i).baseline(d).curve(c).valuePerUnit(v).capacity(cap * factor)
                    .spendBounds(0, 30000).build());
        }
        double budget = 5000.0 * n;
        Allocation a = Allocator.solve(Problems.problem(small, budget));
        Allocation b = Allocator.solve(Problems.problem(large, budget));
        assertTrue(b.objectiveValue() >= a.objectiveValue() * (1 - 1e-9) - 1e-9,
                b.objectiveValue() + " < " + a.objectiveValue());
    }

    @Property(tries = 100)
    void solve_permutedCells_permutesPlan(@ForAll long seed, @ForAll @IntRange(min = 2, max = 40) int n) {
        Random r = new Random(seed);
        List<Cell> cells = Problems.concaveCells(n, r);
        List<Cell> shuffled = new ArrayList<>(cells);
        Collections.shuffle(shuffled, r);
        double budget = 8000.0 * n;
        Allocation a = Allocator.solve(Problems.problem(cells, budget));
        Allocation b = Allocator.solve(Problems.problem(shuffled, budget));
        assertEquals(a.status(), b.status());
        if (a.status() == Allocation.Status.INFEASIBLE) {
            return;
        }
        Map<String, Double> byId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byId.put(shuffled.get(i).id(), b.spend()[i]);
        }
        // strictly concave curves: the optimum is unique, so spends agree up to the price-search tolerance
        for (int i = 0; i < n; i++) {
            double want = a.spend()[i];
            assertEquals(want, byId.get(cells.get(i).id()), 1e-6 * Math.max(1, want), cells.get(i).id());
        }
        assertEquals(a.objectiveValue(), b.objectiveValue(), 1e-9 * Math.max(1, a.objectiveValue()));
    }
}
