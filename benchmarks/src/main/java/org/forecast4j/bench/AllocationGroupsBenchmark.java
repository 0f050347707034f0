package org.forecast4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.forecast4j.allocation.Allocation;
import org.forecast4j.allocation.AllocationProblem;
import org.forecast4j.allocation.Allocator;
import org.forecast4j.allocation.Cell;
import org.forecast4j.allocation.GroupLimit;
import org.forecast4j.allocation.Objective;
import org.forecast4j.allocation.ResponseCurve;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The group-limit solvers added for issue 7's remaining objectives: min-spend with channel and day limits (budget
 * search over the dual-ascent solver) on 10⁴ cells, next to the max-value solve it repeats; and whole units with
 * overlapping group limits, exact by dynamic programming over the constraint loads, next to the rounding fallback on
 * the same instance.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AllocationGroupsBenchmark {

    private static final String[] CHANNELS = {"search", "feed", "push"};

    AllocationProblem maxValue10k;
    AllocationProblem minSpend10k;
    AllocationProblem unitsSmall;
    AllocationProblem piecewiseGroups;

    /** Builds the problems from {@code new Random(42)}. */
    @Setup(Level.Trial)
    public void setup() {
        Random r = new Random(42);
        List<Cell> cells = AllocatorBenchmark.cells(10_000, r);
        AllocationProblem.Builder g = AllocationProblem.builder().budget(10_000 * 5000.0).addCells(cells);
        g.addGroup(new GroupLimit(Map.of("channel", "search"), 0, 10_000 * 1000.0));
        g.addGroup(new GroupLimit(Map.of("channel", "push"), 10_000 * 1200.0, Double.POSITIVE_INFINITY));
        for (int d = 0; d < 7; d++) {
            g.addGroup(new GroupLimit(Map.of("day", Integer.toString(d)), 0, 10_000 * 5000.0 / 7 * 0.9));
        }
        maxValue10k = g.build();
        double target = 0.95 * Allocator.solve(maxValue10k).objectiveValue();
        minSpend10k = g.objective(Objective.minSpend(target)).build();
        // 16 cells (concave and S-shaped), 40 units of 500, limits per channel and per day (4 days)
        List<Cell> small = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ResponseCurve c = i % 4 == 1 ? ResponseCurve.hill(0.2 + 0.4 * r.nextDouble(), 1000 + 3000 * r.nextDouble(),
                    2) : ResponseCurve.exponential(0.1 + 0.5 * r.nextDouble(), 1000 + 4000 * r.nextDouble());
            small.add(Cell.builder("s" + i).labels(Map.of("channel", CHANNELS[i % 3], "day", Integer.toString(i % 4)))
                    .baseline(100 + 900 * r.nextDouble()).curve(c).valuePerUnit(5 + 20 * r.nextDouble())
                    .spendBounds(0, 5000).build());
        }
        AllocationProblem.Builder u = AllocationProblem.builder().budget(40 * 500.0).unit(500).addCells(small)
                .addGroup(new GroupLimit(Map.of("channel", "search"), 0, 6000))
                .addGroup(new GroupLimit(Map.of("channel", "push"), 2000, 8000))
                .addGroup(new GroupLimit(Map.of("day", "0"), 0, 5000));
        unitsSmall = u.build();
        // 16 concave piecewise-linear cells (3 segments), budget + 2 channel limits (one with a minimum) + 1 day limit
        List<Cell> pw = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
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
            pw.add(Cell.builder("p" + i).labels(Map.of("channel", "ch" + (i % 3), "day", "d" + (i % 4)))
                    .baseline(500 + 1000 * r.nextDouble()).curve(ResponseCurve.piecewise(xs, ls))
                    .valuePerUnit(10 + 20 * r.nextDouble()).spendBounds(0, xs[2]).build());
        }
        piecewiseGroups = AllocationProblem.builder().budget(60000).addCells(pw)
                .addGroup(new GroupLimit(Map.of("channel", "ch0"), 0, 15000))
                .addGroup(new GroupLimit(Map.of("channel", "ch1"), 8000, 30000))
                .addGroup(new GroupLimit(Map.of("day", "d2"), 0, 10000)).build();
    }

    /**
     * 16 piecewise-linear cells with budget, channel and day limits: the segment LP with its Lagrangian certificate.
     *
     * @return the plan
     */
    @Benchmark
    public Allocation piecewiseGroups16() {
        return Allocator.solve(piecewiseGroups);
    }

    /**
     * Max-value with budget, channel and day limits on 10⁴ cells (the sub-problem of the min-spend search).
     *
     * @return the plan
     */
    @Benchmark
    public Allocation maxValueGroups10k() {
        return Allocator.solve(maxValue10k);
    }

    /**
     * Min-spend reaching 95% of that plan's value under the same limits.
     *
     * @return the plan
     */
    @Benchmark
    public Allocation minSpendGroups10k() {
        return Allocator.solve(minSpend10k);
    }

    /**
     * 16 cells, 40 units, overlapping channel and day limits: exact dynamic program over the loads.
     *
     * @return the plan
     */
    @Benchmark
    public Allocation unitsGroupsDp16() {
        return Allocator.solve(unitsSmall);
    }
}
