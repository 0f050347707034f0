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
 * Whole units with group limits: the load dynamic program against exhaustive enumeration of every unit split
 * ({@link BruteForce}, an independent computation), and its invariants.
 */
class GroupUnitsDpTest {

    private static final String[] CHANNELS = {"search", "feed", "push"};

    /** Small random cells (concave and S-shaped), labelled by channel and day, with unit-friendly bounds. */
    static List<Cell> cells(int n, Random r, double u, boolean sShaped) {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ResponseCurve c;
            double half = u * (1 + 6 * r.nextDouble());
            if (sShaped && r.nextBoolean()) {
                c = ResponseCurve.hill(0.1 + 0.5 * r.nextDouble(), half, 1.5 + 2 * r.nextDouble());
            } else if (r.nextBoolean()) {
                c = ResponseCurve.exponential(0.1 + 0.5 * r.nextDouble(), half);
            } else {
                c = ResponseCurve.log(0.05 + 0.2 * r.nextDouble(), half);
            }
            double lo = r.nextInt(3) == 0 ? u * r.nextInt(2) : 0;
            out.add(Cell.builder("c" + i).labels(Map.of("channel", CHANNELS[i % 3], "day", Integer.toString(i % 2)))
                    .baseline(100 + 900 * r.nextDouble()).curve(c).valuePerUnit(5 + 20 * r.nextDouble())
                    .spendBounds(lo, lo + u * (2 + r.nextInt(4))).build());
        }
        return out;
    }

    static AllocationProblem problem(List<Cell> cells, double budget, double u, Random r) {
        AllocationProblem.Builder b = AllocationProblem.builder().budget(budget).unit(u).addCells(cells);
        // overlapping channel and day limits, some with a minimum
        b.addGroup(new GroupLimit(Map.of("channel", "search"), r.nextBoolean() ? u : 0, u * (2 + r.nextInt(4))));
        b.addGroup(new GroupLimit(Map.of("day", "1"), 0, u * (3 + r.nextInt(5))));
        if (r.nextBoolean()) {
            b.addGroup(new GroupLimit(Map.of("channel", "feed"), u * (1 + r.nextInt(2)), Double.POSITIVE_INFINITY));
        }
        return b.build();
    }

    @Test
    void solve_smallInstancesWithOverlappingGroups_matchesBruteForce() {
        Random r = new Random(31);
        int checked = 0;
        for (int t = 0; t < 40; t++) {
            double u = 500;
            int n = 3 + r.nextInt(3);
            List<Cell> cells = cells(n, r, u, t % 2 == 1);
            AllocationProblem p = problem(cells, u * (3 + r.nextInt(8)), u, r);
            Allocation a = Allocator.solve(p);
            BruteForce.Result want = BruteForce.maxValue(p);
            if (want.feasible == 0) {
                assertEquals(Allocation.Status.INFEASIBLE, a.status(), a.toString());
                continue;
            }
            checked++;
            assertEquals(Allocation.Status.OPTIMAL, a.status(), a.toString());
            assertEquals("dynamic programming", a.solver());
            assertEquals(want.value, a.objectiveValue(), 1e-9 * Math.max(1, want.value), a.toString());
            assertEquals(0, a.gap());
            assertFeasible(p, a);
        }
        assertTrue(checked >= 25, "too few feasible instances: " + checked);
    }

    @Test
    void solve_roiThresholdWithGroups_matchesBruteForceOfValueMinusCost() {
        Random r = new Random(32);
        for (int t = 0; t < 10; t++) {
            double u = 400;
            List<Cell> cells = cells(4, r, u, false);
            double tau = 0.5 + r.nextDouble();
            AllocationProblem p = AllocationProblem.builder().budget(u * 8).unit(u)
                    .objective(Objective.minMarginalRoi(tau)).addCells(cells)
                    .addGroup(new GroupLimit(Map.of("channel", "search"), 0, 2 * u)).build();
            Allocation a = Allocator.solve(p);
            // exhaustive: best Σ V − τ Σ x
            double best = Double.NEGATIVE_INFINITY;
            int[] k = new int[4];
            int[] kmax = new int[4];
            for (int i = 0; i < 4; i++) {
                kmax[i] = (int) Math.round((cells.get(i).hi() - cells.get(i).lo()) / u);
            }
            for (k[0] = 0; k[0] <= kmax[0]; k[0]++) {
                for (k[1] = 0; k[1] <= kmax[1]; k[1]++) {
                    for (k[2] = 0; k[2] <= kmax[2]; k[2]++) {
                        for (k[3] = 0; k[3] <= kmax[3]; k[3]++) {
                            double spend = 0;
                            double v = 0;
                            double search = 0;
                            for (int i = 0; i < 4; i++) {
                                double x = cells.get(i).lo() + k[i] * u;
                                spend += x;
                                v += cells.get(i).expectedValue(x) - tau * x;
                                if (i % 3 == 0) {
                                    search += x;
                                }
                            }
                            if (spend <= 8 * u + 1e-9 && search <= 2 * u + 1e-9) {
                                best = Math.max(best, v);
                            }
                        }
                    }
                }
            }
            assertEquals(best, a.objectiveValue() - tau * a.totalSpend(), 1e-9 * Math.max(1, Math.abs(best)));
        }
    }

    @Test
    void solve_tooLargeForTheTable_fallsBackToCertifiedRounding() {
        Random r = new Random(33);
        List<Cell> cells = Problems.concaveCells(300, r);
        AllocationProblem p = AllocationProblem.builder().budget(3_000_000).unit(1).addCells(cells)
                .addGroup(new GroupLimit(Map.of("channel", "search"), 0, 500_000)).build();
        Allocation a = Allocator.solve(p);
        assertTrue(a.solver().contains("rounding"), a.solver());
        assertTrue(a.status() != Allocation.Status.INFEASIBLE);
        assertTrue(a.dualBound() >= a.objectiveValue());
    }

    static void assertFeasible(AllocationProblem p, Allocation a) {
        double u = p.unit();
        double[] x = a.spend();
        List<Cell> cells = p.cells();
        for (int i = 0; i < x.length; i++) {
            assertTrue(x[i] >= cells.get(i).lo() - 1e-9 && x[i] <= cells.get(i).hi() + 1e-9, "bounds");
            assertEquals(0, Math.IEEEremainder(x[i] - cells.get(i).lo(), u), 1e-9, "whole units");
        }
        assertTrue(a.newSpend() <= p.budget() + 1e-9, "budget");
        for (int g = 0; g < p.groups().size(); g++) {
            double s = 0;
            for (int i : p.members(g)) {
                s += x[i];
            }
            assertTrue(s <= p.groups().get(g).maxSpend() + 1e-9 && s >= p.groups().get(g).minSpend() - 1e-9,
                    "group " + g);
        }
    }

    @Property(tries = 100)
    void solve_anyWholeUnitGroupProblem_respectsBudgetBoundsAndGroups(@ForAll long seed,
                                                                     @ForAll @IntRange(min = 1, max = 8) int n,
                                                                     @ForAll @IntRange(min = 0, max = 30) int units) {
        Random r = new Random(seed);
        double u = 250;
        AllocationProblem p = problem(cells(n, r, u, r.nextBoolean()), units * u, u, r);
        Allocation a = Allocator.solve(p);
        if (a.status() == Allocation.Status.INFEASIBLE) {
            return;
        }
        assertEquals(Allocation.Status.OPTIMAL, a.status());
        assertFeasible(p, a);
    }

    @Property(tries = 100)
    void solve_largerBudgetWithGroupsAndUnits_neverLowersValue(@ForAll long seed,
                                                              @ForAll @IntRange(min = 1, max = 8) int n,
                                                              @ForAll @IntRange(min = 0, max = 20) int units,
                                                              @ForAll @DoubleRange(min = 0, max = 5000) double more) {
        Random r = new Random(seed);
        double u = 250;
        AllocationProblem p = problem(cells(n, r, u, r.nextBoolean()), units * u, u, r);
        Allocation a = Allocator.solve(p);
        Allocation b = Allocator.solve(p.withBudget(units * u + more));
        if (a.status() != Allocation.Status.INFEASIBLE) {
            assertTrue(b.status() != Allocation.Status.INFEASIBLE);
            // both plans are exact, so the larger budget's optimum is at least the smaller one's
            assertTrue(b.objectiveValue() >= a.objectiveValue() - 1e-9 * Math.max(1, a.objectiveValue()));
        }
    }
}
