package org.forecast4j.allocation;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Independent reference: the LP of a problem whose cells have concave piecewise-linear curves, no capacity and zero
 * lower bounds: one variable per cell segment, {@code 0 ≤ t_ij ≤ len_ij}, objective {@code Σ W_i·slope_ij·t_ij},
 * budget and group rows. Solved with Commons Math's {@link SimplexSolver}.
 */
final class SimplexReference {

    private SimplexReference() {
    }

    static double solve(AllocationProblem p) {
        return lp(p, Double.NaN);
    }

    /**
     * Minimum total spend reaching an expected value of {@code target} (same rows plus {@code Σ coef·t ≥ target},
     * objective {@code Σ t}).
     */
    static double minSpend(AllocationProblem p, double target) {
        return lp(p, target);
    }

    private static double lp(AllocationProblem p, double target) {
        List<Cell> cells = p.cells();
        List<int[]> owner = new ArrayList<>();
        List<Double> coef = new ArrayList<>();
        List<Double> len = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            PiecewiseLinearCurve c = (PiecewiseLinearCurve) cells.get(i).curve();
            double[] xs = c.spends();
            double[] ls = c.lifts();
            double w = cells.get(i).baseline().mean() * cells.get(i).valuePerUnit();
            double hi = cells.get(i).maxSpend();
            for (int k = 1; k < xs.length && xs[k - 1] < hi; k++) {
                owner.add(new int[] {i});
                coef.add(w * (ls[k] - ls[k - 1]) / (xs[k] - xs[k - 1]));
                len.add(Math.min(xs[k], hi) - xs[k - 1]);
            }
        }
        int v = coef.size();
        double[] obj = new double[v];
        for (int j = 0; j < v; j++) {
            obj[j] = coef.get(j);
        }
        List<LinearConstraint> cons = new ArrayList<>();
        for (int j = 0; j < v; j++) {
            double[] row = new double[v];
            row[j] = 1;
            cons.add(new LinearConstraint(row, Relationship.LEQ, len.get(j)));
        }
        double[] all = new double[v];
        java.util.Arrays.fill(all, 1);
        cons.add(new LinearConstraint(all, Relationship.LEQ, p.budget()));
        for (int g = 0; g < p.groups().size(); g++) {
            double[] row = new double[v];
            java.util.Set<Integer> in = new java.util.HashSet<>();
            for (int i : p.members(g)) {
                in.add(i);
            }
            for (int j = 0; j < v; j++) {
                row[j] = in.contains(owner.get(j)[0]) ? 1 : 0;
            }
            GroupLimit gl = p.groups().get(g);
            if (Double.isFinite(gl.maxSpend())) {
                cons.add(new LinearConstraint(row, Relationship.LEQ, gl.maxSpend()));
            }
            if (gl.minSpend() > 0) {
                cons.add(new LinearConstraint(row, Relationship.GEQ, gl.minSpend()));
            }
        }
        if (!Double.isNaN(target)) {
            cons.add(new LinearConstraint(obj, Relationship.GEQ, target));
            double[] ones = new double[v];
            java.util.Arrays.fill(ones, 1);
            return new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100000),
                    new LinearObjectiveFunction(ones, 0), new LinearConstraintSet(cons), GoalType.MINIMIZE,
                    new NonNegativeConstraint(true)).getValue();
        }
        PointValuePair opt = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100000),
                new LinearObjectiveFunction(obj, 0), new LinearConstraintSet(cons), GoalType.MAXIMIZE,
                new NonNegativeConstraint(true));
        return opt.getValue();
    }
}
