package org.forecast4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.forecast4j.allocation.Allocation;
import org.forecast4j.allocation.AllocationProblem;
import org.forecast4j.allocation.Allocator;
import org.forecast4j.allocation.Cell;
import org.forecast4j.allocation.GroupLimit;
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
 * Allocation solvers at the sizes of issue 7: one budget over 10⁶ concave cells (water-filling), 10⁵ cells with
 * 10⁶ spend units (greedy), 10⁴ cells with channel and day limits (dual ascent), and Commons Math's simplex on the
 * piecewise-linear form of a small problem next to our solver on the same problem.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AllocatorBenchmark {

    private static final String[] CHANNELS = {"search", "feed", "push"};

    AllocationProblem million;
    AllocationProblem units;
    AllocationProblem groups;
    AllocationProblem piecewise;
    LinearObjectiveFunction lpObjective;
    LinearConstraintSet lpConstraints;

    static List<Cell> cells(int n, Random r) {
        List<Cell> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ResponseCurve c;
            switch (r.nextInt(3)) {
                case 0:
                    c = ResponseCurve.exponential(0.05 + 0.55 * r.nextDouble(), 500 + 19500 * r.nextDouble());
                    break;
                case 1:
                    c = ResponseCurve.log(0.01 + 0.19 * r.nextDouble(), 200 + 9800 * r.nextDouble());
                    break;
                default:
                    c = ResponseCurve.hill(0.05 + 0.55 * r.nextDouble(), 500 + 19500 * r.nextDouble(), 1);
                    break;
            }
            double lo = r.nextBoolean() ? 0 : 2000 * r.nextDouble();
            out.add(Cell.builder("c" + i)
                    .labels(Map.of("channel", CHANNELS[i % 3], "day", Integer.toString(i % 7)))
                    .baseline(50 + 4950 * r.nextDouble()).curve(c).valuePerUnit(5 + 115 * r.nextDouble())
                    .spendBounds(lo, lo + 1000 + 39000 * r.nextDouble()).build());
        }
        return out;
    }

    /** Builds the problems from {@code new Random(42)}. */
    @Setup(Level.Trial)
    public void setup() {
        Random r = new Random(42);
        million = AllocationProblem.builder().budget(1_000_000 * 5000.0).addCells(cells(1_000_000, r)).build();
        List<Cell> c100k = new ArrayList<>();
        for (Cell c : cells(100_000, r)) {
            c100k.add(Cell.builder(c.id()).labels(c.labels()).baseline(c.baseline()).curve(c.curve())
                    .valuePerUnit(c.valuePerUnit()).spendBounds(0, c.maxSpend()).build());
        }
        // 10⁶ units of 100 over 10⁵ cells
        units = AllocationProblem.builder().budget(1_000_000 * 100.0).unit(100).addCells(c100k).build();
        AllocationProblem.Builder g = AllocationProblem.builder().budget(10_000 * 5000.0).addCells(cells(10_000, r));
        g.addGroup(new GroupLimit(Map.of("channel", "search"), 0, 10_000 * 1000.0));
        g.addGroup(new GroupLimit(Map.of("channel", "push"), 10_000 * 1200.0, Double.POSITIVE_INFINITY));
        for (int d = 0; d < 7; d++) {
            g.addGroup(new GroupLimit(Map.of("day", Integer.toString(d)), 0, 10_000 * 5000.0 / 7 * 0.9));
        }
        groups = g.build();
        buildPiecewise(r, 200, 4);
    }

    /** n cells with concave piecewise-linear curves of m segments, and the same problem as an LP. */
    private void buildPiecewise(Random r, int n, int m) {
        AllocationProblem.Builder b = AllocationProblem.builder();
        List<double[]> cols = new ArrayList<>();
        List<Double> obj = new ArrayList<>();
        List<Double> len = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] xs = new double[m];
            double[] ls = new double[m];
            double x = 0;
            double l = 0;
            double s = 1e-4 * (1 + 4 * r.nextDouble());
            double w = (500 + 1000 * r.nextDouble()) * (10 + 20 * r.nextDouble());
            for (int k = 0; k < m; k++) {
                double dx = 1000 + 4000 * r.nextDouble();
                x += dx;
                l += s * dx;
                xs[k] = x;
                ls[k] = l;
                obj.add(w * s);
                len.add(dx);
                s *= 0.2 + 0.6 * r.nextDouble();
            }
            total += x;
            b.addCell(Cell.builder("p" + i).baseline(w / 10).valuePerUnit(10)
                    .curve(ResponseCurve.piecewise(xs, ls)).spendBounds(0, x).build());
        }
        double budget = 0.4 * total;
        piecewise = b.budget(budget).build();
        int v = obj.size();
        double[] c = new double[v];
        List<LinearConstraint> cons = new ArrayList<>();
        double[] all = new double[v];
        for (int j = 0; j < v; j++) {
            c[j] = obj.get(j);
            all[j] = 1;
            double[] row = new double[v];
            row[j] = 1;
            cons.add(new LinearConstraint(row, Relationship.LEQ, len.get(j)));
        }
        cons.add(new LinearConstraint(all, Relationship.LEQ, budget));
        lpObjective = new LinearObjectiveFunction(c, 0);
        lpConstraints = new LinearConstraintSet(cons);
    }

    /**
     * Water-filling, 10⁶ concave cells, one budget.
     *
     * @return the plan
     */
    @Benchmark
    public Allocation waterFilling1M() {
        return Allocator.solve(million);
    }

    /**
     * Greedy with a heap, 10⁵ cells, 10⁶ units.
     *
     * @return the plan
     */
    @Benchmark
    public Allocation greedy100kCells1MUnits() {
        return Allocator.solve(units);
    }

    /**
     * Dual coordinate ascent, 10⁴ cells, budget + 2 channel + 7 day limits.
     *
     * @return the plan
     */
    @Benchmark
    public Allocation groups10k() {
        return Allocator.solve(groups);
    }

    /**
     * Our solver on 200 piecewise-linear cells (4 segments each).
     *
     * @return the plan
     */
    @Benchmark
    public Allocation piecewise200Ours() {
        return Allocator.solve(piecewise);
    }

    /**
     * Commons Math simplex on the same 200-cell problem as an LP (800 variables).
     *
     * @return the LP optimum
     */
    @Benchmark
    public PointValuePair piecewise200Simplex() {
        return new SimplexSolver().optimize(new MaxIter(1_000_000), lpObjective, lpConstraints, GoalType.MAXIMIZE,
                new NonNegativeConstraint(true));
    }
}
